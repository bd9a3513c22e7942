// Route table of the demo app. The project detail route has a `preload`, so hovering
// its <A> links (or navigating) warms the projectTasks query before the page renders.
import { Route, Router } from "@solidjs/router";
import Layout from "./components/Layout";
import { getProjectTasksQuery } from "./queries";
import Broken from "./routes/Broken";
import ProjectDetail from "./routes/ProjectDetail";
import Projects from "./routes/Projects";
import Stats from "./routes/Stats";

export default function App() {
  return (
    <Router root={Layout}>
      <Route path="/" component={Projects} />
      <Route
        path="/projects/:id"
        component={ProjectDetail}
        preload={({ params }) => getProjectTasksQuery(params.id!)}
      />
      <Route path="/stats" component={Stats} />
      <Route path="/broken" component={Broken} />
    </Router>
  );
}
