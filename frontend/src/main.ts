import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { setUnauthenticatedHandler } from './graphql/client'
import { useCurrentUser } from './composables/useCurrentUser'
import { paths } from './utils/paths'
import 'uplot/dist/uPlot.min.css'
import './styles/main.css'

setUnauthenticatedHandler(() => {
  useCurrentUser().set(null)
  const current = router.currentRoute.value
  if (current.name !== 'sign-in') void router.replace(paths.signIn(current.fullPath))
})

createApp(App).use(router).mount('#app')
