// The app's router: the routes of routes.ts on hash history (`#/<id>`), so dist/ works from any static
// host. Creating it writes the page's history state, so the <backprop-lesson> element never imports this
// file: it builds its own router on memory history from the same routes (embed/element.ts).
import { createWebHashHistory } from 'vue-router'
import { createAppRouter } from './routes'

export const router = createAppRouter(createWebHashHistory())
