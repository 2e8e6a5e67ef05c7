// Each suite boots Medusa afresh; MikroORM keeps entity metadata globally between them.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
