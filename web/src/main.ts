// The app's entry: global styles, the router, mount. No state lives here.
import { createApp } from 'vue'
import App from './App.vue'
import { setUpEmbedMode } from './embed/embedMode'
import { keepFocusOnDisable } from './focusKeeper'
import { setUpOffline } from './offline/offline'
import { router } from './router'
import { setUpScorm } from './scorm/scorm'
import './styles/index.css'
import './embed/embed.css'

const app = createApp(App).use(router)
// `?embed=1`: minimal chrome, height and progress posted to the parent page.
setUpEmbedMode(app, document.getElementById('app') as Element, router)
setUpOffline(router)
// Inside an LMS (a SCORM package): completion and score through the SCORM 1.2 API; elsewhere nothing.
setUpScorm(router)
// A button that disables itself when pressed (Update, Undo…) passes the keyboard focus on.
keepFocusOnDisable(document)
app.mount('#app')
