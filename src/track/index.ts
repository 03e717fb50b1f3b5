export { buildTracker } from "./build.js";
