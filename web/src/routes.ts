// Routes: `#/` lists the lessons, `#/glossary` is the course notation, `#/<lesson-id>` opens one (its values may follow: `#/<id>?v=1&…`),
// `#/<lesson-id>/answer-key` prints its worked example; any other address says "No such page". Hash history, so dist/ works from any static
// host; the <backprop-lesson> element uses the same routes in memory (embed/element.ts).
import { createRouter, type RouteRecordRaw, type RouterHistory } from 'vue-router'
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
    // and Forward return to where the learner was (the "Next:" link at a lesson's foot, say), once
    // the page, whose lesson renders after its engine loads, is tall enough to scroll there.
    scrollBehavior: (to, from, saved) =>
      saved ? tallEnough(saved.top).then(() => saved) : to.path === from.path ? false : { top: 0 },
  })
}

/**
 * Resolves once the document can scroll to `top` (px), or after `frames` animation frames (a page
 * that never grows that tall is scrolled as far as it goes).
 */
function tallEnough(top: number, frames = 180): Promise<void> {
  return new Promise((resolve) => {
    const check = (left: number) => {
      const room = document.documentElement.scrollHeight - window.innerHeight
      if (room >= top || left <= 0) resolve()
      else requestAnimationFrame(() => check(left - 1))
    }
    check(frames)
  })
}
