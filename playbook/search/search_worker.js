/* The playbook's search worker: material's own worker, which playbook/search/events.py appends below this part,
 * with each query rewritten before material's handler reads it. Everything else (lunr, the index, the
 * ranking, the highlighting) is material's.
 *
 * Why by hand: material appends `*` to every query word, and lunr then skips its pipeline, so an index
 * built with lunr's English stemmer never finds "objections" (indexed as "object"); its Chinese query
 * segmenter never lets a word end on the query's last character, so 终身价值 is searched as 终身 + 价;
 * and neither knows the glossary's aliases. No plugin or option of material or lunr changes these, and
 * material documents a worker of one's own as the way to change search (its `search` setting). So:
 * - English: stop words out, each other word cut to its stem by lunr's own stemmer (`objections` →
 *   `object`, which material then searches as the prefix `object*`);
 * - Chinese: each run of Han characters ends with 〇, a Han character no page uses that the index's
 *   separator drops, so material's segmenter can take the run's last character into a word;
 * - a query holding a glossary alias also searches the term, and in Chinese a term its aliases
 *   (config.aliases: [words, other words] pairs, written by playbook/search/events.py).
 */
(() => {
  const END = "\u3007"  // 〇: must stay in the search separator (mkdocs.yml)
  const SETUP = 0, QUERY = 2  // material's SearchMessageType
  let lang = "zh", aliases = []

  const escaped = text => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  // English: each word of the alias starts a word of the query, in any order ("handling objections" holds
  // "objection handling"; "no" is not in "know"). Chinese has no spaces: the alias is in the query.
  const mentions = (query, alias) => lang === "en"
    ? alias.split(/\s+/).every(word => new RegExp(`(^|[^a-z])${escaped(word)}`).test(query))
    : query.includes(alias)

  function withAliases(query) {
    const lower = query.toLowerCase()
    const terms = aliases.filter(([alias]) => mentions(lower, alias)).map(([, term]) => term)
    return [query, ...new Set(terms)].join(" ")
  }

  function english(query) {
    const words = query.split(/\s+/).filter(Boolean)
    const plain = word => /^[a-z0-9][a-z0-9']*$/i.test(word)  // no operator (+ - ~ ^ : *) material passes on
    const token = word => new self.lunr.Token(word.toLowerCase().replace(/'s?$/, ""))
    const kept = words.filter(word => !plain(word) || self.lunr.stopWordFilter(token(word)))
    return (kept.length ? kept : words)
      .map(word => plain(word) ? self.lunr.stemmer(token(word)).toString() : word)
      .join(" ")
  }

  function rewrite(query) {
    const full = withAliases(query)
    return lang === "en" ? english(full) : full.replace(/\p{sc=Han}+/gu, run => run + END)
  }

  const listen = self.addEventListener.bind(self)
  self.addEventListener = (type, listener, options) => listen(type, type !== "message" ? listener : event => {
    const message = event.data
    if (message.type === SETUP)
      ({ lang: [lang], aliases = [] } = message.data.config)
    return listener(message.type === QUERY ? { data: { ...message, data: rewrite(message.data) } } : event)
  }, options)
})();
