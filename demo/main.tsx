// Browser entry of the demo app: mounts <App/> into #app.
// Loaded by demo/index.html as /main.tsx (Vite root is demo/).
import { render } from "solid-js/web";
import App from "./App";
import "./styles.css";

render(() => <App />, document.getElementById("app")!);
