// The app's router: the routes of routes.ts on hash history (`#/<id>`), so dist/ works from any static
// host. Creating it writes the page's history state, so the <backprop-lesson> element never imports this
// file: it builds its own router on memory history from the same routes (embed/element.ts).
import { createWebHashHistory } from 'vue-router'
import { createAppRouter } from './routes'
import { saveAnchor } from './scrollAnchor'

export const router = createAppRouter(createWebHashHistory())
// What the learner was reading on the page they leave, for Back and Forward (scrollAnchor.ts); not when
// a lesson writes its values into its own address (the same path), which it does as it opens, on the
// way back too, when the page is at the top and what was recorded has yet to be restored.
router.beforeEach((to, from) => {
  if (from.matched.length && to.path !== from.path) saveAnchor(from.path)
})
