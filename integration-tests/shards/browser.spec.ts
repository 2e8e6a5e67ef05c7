import { runBrowserShard } from "../helpers/browser"
import { BROWSER_FILES } from "./index"

runBrowserShard(BROWSER_FILES)
