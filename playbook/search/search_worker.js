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
 * - Chinese: each run of Han characters cut into the fewest words of the index (lunr's, caught as material
 *   builds it), each word ending with 〇, a Han character no page uses that the index's separator drops.
 *   Material's own segmenter never ends a word on a run's last character, and joins the words of a longer
 *   run with `* ` before adding its own `*`: every word but the last became `word**`, which its result code
 *   never counts as found (so a page matching 检查 but not 单 of 检查单 was scored as matching no word, and
 *   its link's `?h=` was empty), and it searched every overlapping cut (检查清单: 检, 检查, 查, 查清 …).
 *   Given one word and 〇, it keeps the word whole;
 * - a query holding a glossary alias also searches the term, and in Chinese a term its aliases
 *   (config.aliases: [words, other words] pairs, written by playbook/search/events.py).
 * And each result leaves the worker lighter, as material's page puts every text it gets into the result
 * list (measured on a 4× throttled phone: parsing and laying out those texts, up to 124 sections of one
 * query, took most of the time from a keystroke to results shown, the search itself 10–20 ms):
 * - a shown text holds whole blocks (paragraphs, list items) up to PREVIEW characters, the first at
 *   least (material already keeps only the two blocks that match, but a text matched by its title alone
 *   comes whole);
 * - the sections material folds under "more on this page" (those scoring below the best of their page)
 *   come as titles, without text, the best FOLDED of them: a list of the page's other matching sections
 *   (the glossary page, whose terms are its sections, had 82 of them for 终身价值);
 * - a result lists as missing only words the reader typed, not the aliases added to the query (客户投诉怎么处理
 *   listed 313 missing words over its ten results, each put in the page by re-parsing its whole list), and a
 *   folded section none;
 * - titles and texts lose the zero-width spaces (U+200B) that cut the index's Chinese into words: invisible,
 *   but kept when a reader copies a title (the marks of the words found are already in place);
 * - a page that did not match itself, only its sections, comes from material with no words found, and its
 *   link with an empty `?h=`: it gets the words its sections found, which the page then highlights.
 */
(() => {
  const END = "\u3007"  // 〇: must stay in the search separator (mkdocs.yml)
  const CUT = "\u200b"  // what material's plugin puts between the words of the index's Chinese
  const SETUP = 0, QUERY = 2, RESULT = 3  // material's SearchMessageType
  const PREVIEW = 360, FOLDED = 8
  const BLOCK_END = /<\/(?:p|li|ul|ol|pre|table|dl|blockquote)>/g
  const LONGEST = 8  // characters of the longest Chinese word looked for in the index
  let lang = "zh", aliases = [], asked = "", words = {}

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

  // The fewest words of the index that make up `run` (a character the index lacks is a word of its own)
  function chinese(run) {
    const best = [[]]
    for (let end = 1; end <= run.length; end++)
      for (let start = Math.max(0, end - LONGEST); start < end; start++) {
        const word = run.slice(start, end)
        if ((word in words || end - start === 1) && (!best[end] || best[start].length + 1 < best[end].length))
          best[end] = [...best[start], word]
      }
    return best[run.length].map(word => word + END).join(" ")
  }

  function rewrite(query) {
    const full = withAliases(query)
    return lang === "en" ? english(full) : full.replace(/\p{sc=Han}+/gu, chinese)
  }

  // Whole blocks up to PREVIEW characters (the first at least); a cut list is closed by the page's parser.
  function preview(text) {
    if (text.length <= PREVIEW) return text
    let end = 0
    for (const { index, 0: tag } of text.matchAll(BLOCK_END)) {
      if (end && index + tag.length > PREVIEW) break
      end = index + tag.length
    }
    return end ? text.slice(0, end) : text
  }

  // As material's page groups a page's results (its `renderSearchResultItem`): the page, the sections
  // scoring as its best shown, the rest folded under "more on this page".
  function lighter(group) {
    const best = group[0].score
    const sections = group.filter(doc => doc.location.includes("#"))
    const first = sections.findIndex(doc => doc.score < best)
    const folded = first === -1 ? [] : sections.slice(first)
    const dropped = new Set(folded.slice(FOLDED))
    const missing = doc => term => !folded.includes(doc) && asked.includes(term)
    const found = Object.fromEntries(group.flatMap(doc => Object.keys(doc.terms).filter(term => doc.terms[term]))
      .map(term => [term, true]))
    return group.filter(doc => !dropped.has(doc)).map(doc => ({
      ...doc,
      title: doc.title.replaceAll(CUT, ""),
      text: folded.includes(doc) ? "" : preview(doc.text).replaceAll(CUT, ""),
      terms: Object.keys(doc.terms).length === 0 ? found
        : Object.fromEntries(Object.entries(doc.terms).filter(([term, hit]) => hit || missing(doc)(term)))
    }))
  }

  const post = self.postMessage.bind(self)
  self.postMessage = (message, ...rest) => post(message.type !== RESULT ? message
    : { ...message, data: { ...message.data, items: message.data.items.map(lighter) } }, ...rest)

  const listen = self.addEventListener.bind(self)
  self.addEventListener = (type, listener, options) => listen(type, type !== "message" ? listener : event => {
    const message = event.data
    if (message.type === SETUP) {
      ({ lang: [lang], aliases = [] } = message.data.config)
      const { Builder } = self.lunr, build = Builder.prototype.build
      Builder.prototype.build = function () {  // material's index, built after this: its words, for `chinese`
        const index = build.call(this)
        words = index.invertedIndex
        return index
      }
    }
    if (message.type === QUERY)  // the words typed, as searched (English: stems), for `lighter`
      asked = `${message.data} ${lang === "en" ? english(message.data) : ""}`.toLowerCase()
    return listener(message.type === QUERY ? { data: { ...message, data: rewrite(message.data) } } : event)
  }, options)
})();
