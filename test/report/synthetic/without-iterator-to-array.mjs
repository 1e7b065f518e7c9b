// Loaded through NODE_OPTIONS after the harness's own imports: takes Iterator.prototype.toArray away again, so
// Allure's quality gate meets the runtime of Node 20 whichever Node.js runs the self-test.
delete Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())).toArray;
