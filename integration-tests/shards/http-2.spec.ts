import { runShard } from "../helpers/suite"
import { SHARDS } from "./index"

runShard(SHARDS[1])
