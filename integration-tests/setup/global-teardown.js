module.exports = async function globalTeardown() {
  await globalThis.__SERIAL_TEST_DATABASE__?.stop()
}
