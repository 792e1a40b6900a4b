// Routes: `#/` lists the lessons, `#/glossary` is the course notation, `#/<lesson-id>` opens one (its values may follow: `#/<id>?v=1&…`),
// `#/<lesson-id>/answer-key` prints its worked example; any other address says "No such page". Hash history, so dist/ works from any static
// host; the <backprop-lesson> element uses the same routes in memory (embed/element.ts).
import { createRouter, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import { restoreScroll } from './scrollAnchor'
import HomeView from './views/HomeView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView },
  { path: '/glossary', name: 'glossary', component: () => import('./views/GlossaryView.vue') },
  {
    path: '/:id/answer-key',
    name: 'answer-key',
    component: () => import('./views/AnswerKeyView.vue'),
    props: true,
  },
  {
    path: '/:id',
    name: 'lesson',
    component: () => import('./views/LessonView.vue'),
    props: true,
  },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
]

export function createAppRouter(history: RouterHistory) {
  return createRouter({
    history,
    routes,
    // A new page starts at the top; a lesson writing its values into the URL keeps the scroll; Back
    // and Forward return to what the learner was reading (the "Next:" link at a lesson's foot, say),
    // once the page, whose lesson renders after its engine loads, has loaded (scrollAnchor.ts: the
    // element recorded on leaving by the app's router; without a record, the offset left).
    scrollBehavior: (to, from, saved) =>
      saved ? restoreScroll(to.path, saved) : to.path === from.path ? false : { top: 0 },
  })
}
