// Routes: `#/` lists the lessons, `#/<lesson-id>` opens one. Hash history, so dist/ works from any static host.
import { createRouter, createWebHashHistory } from 'vue-router'
import HomeView from './views/HomeView.vue'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    {
      path: '/:id',
      name: 'lesson',
      component: () => import('./views/LessonRoute.vue'),
      props: true,
    },
  ],
  scrollBehavior: () => ({ top: 0 }),
})
