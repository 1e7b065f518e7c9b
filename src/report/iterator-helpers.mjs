// Allure 3's quality gate calls Iterator.prototype.toArray (Node 22+). On Node 20 it crashes and the
// CLI still exits 0, which would pass every gate; this fills the gap before the Allure CLI loads.
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
