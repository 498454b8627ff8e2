import { render } from "solid-js/web";
import { App } from "./app";
import "./styles.css";

// The worker sends / to /app/, but the router's links say /app and its active-link check
// compares paths exactly; drop a trailing slash once, before the router reads the URL.
const { pathname, search, hash } = window.location;
if (pathname.length > 1 && pathname.endsWith("/")) {
  window.history.replaceState(window.history.state, "", `${pathname.replace(/\/+$/, "")}${search}${hash}`);
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element to mount the app in.");
render(() => <App />, root);
