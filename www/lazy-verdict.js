// The verdict object from the checker's three JSON texts (`checkParts`: the verdict with null for
// its `checks` and `facts`, then those two arrays). The head is parsed at once; each array is
// parsed the first time it is read, by a getter that then replaces itself with a plain data
// property. The object has the same keys in the same order as `check()`'s, so JSON.stringify,
// spreading, structured cloning and `for…in` see exactly the verdict `check()` returns; only the
// cost moves to where the arrays are used (a large report's facts and checks are nearly all of
// its verdict, and most readers look at the summary and the failing checks).

/** `[head, checks, facts]` → the verdict. */
export function lazyVerdict([head, checks, facts]) {
  const verdict = JSON.parse(head);
  lazyMember(verdict, 'checks', checks);
  lazyMember(verdict, 'facts', facts);
  return verdict;
}

// The member exists (null, from the head) before it is redefined, so it keeps its place in the
// object's key order.
function lazyMember(object, key, text) {
  const settle = (value) => {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(object, key, {
    enumerable: true,
    configurable: true,
    get: () => settle(JSON.parse(text)),
    set: settle,
  });
}
