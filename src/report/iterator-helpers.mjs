// Allure 3's quality gate calls Iterator.prototype.toArray, which Node.js has from version 22 on. On Node 20
// the quality gate would crash before checking a rule, so the harness loads this into the process that
// applies it only (src/report/allure-cli.ts); it adds the method only where the runtime lacks it.
const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
if (typeof iteratorPrototype.toArray !== 'function') {
  Object.defineProperty(iteratorPrototype, 'toArray', {
    configurable: true,
    writable: true,
    value: function toArray() {
      return [...this];
    },
  });
}
