/* The search page: reads the static index under search/ (written by
   src/search, whose header describes the files), finds the briefings that
   hold every word of the query, narrows them by the filters, and shows
   each with its date, publisher and an excerpt around the match. Words are
   cut as src/search/terms.rs cuts them; the two must change together.
   Nothing is fetched from anywhere but this site. */
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var base = form.getAttribute("data-index");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var PAGE = 10;
  var WORD = /[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]+/gu;
  var HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7FF]/;
  var meta = null;
  var shards = {};
  var found = [];
  var marks = null;
  var run = 0;

  function load(path) {
    return fetch(base + path).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + path);
      return response.json();
    });
  }

  /* Runs of letters and digits, Hangul cut from the rest. */
  function words(text) {
    var out = [];
    (text.match(WORD) || []).forEach(function (run) {
      var current = "";
      var hangul = null;
      Array.from(run).forEach(function (c) {
        var h = HANGUL.test(c);
        if (hangul !== null && h !== hangul) {
          out.push({ hangul: hangul, text: current });
          current = "";
        }
        hangul = h;
        current += c;
      });
      if (current) out.push({ hangul: hangul, text: current });
    });
    return out;
  }

  /* What a query asks for: terms every result must hold, some by prefix. */
  function wants(query) {
    var out = [];
    words(query).forEach(function (word) {
      var chars = Array.from(word.text);
      if (word.hangul) {
        if (chars.length === 1) out.push({ term: word.text, prefix: true });
        for (var i = 0; i + 1 < chars.length; i++) out.push({ term: chars[i] + chars[i + 1], prefix: false });
      } else if (chars.length <= meta.max_word_chars) {
        out.push({ term: word.text.toLowerCase(), prefix: chars.length >= meta.key_chars });
      }
    });
    return out;
  }

  function shardOf(term) {
    var chars = Array.from(term);
    var key = chars.slice(0, HANGUL.test(chars[0]) ? 1 : meta.key_chars);
    var hash = 0;
    key.forEach(function (c) { hash = (hash * 31 + c.codePointAt(0)) % 1000003; });
    return hash % Math.max(meta.shards, 1);
  }

  /* Article → score for one wanted term (the best of its prefix matches). */
  function lookup(want) {
    var n = shardOf(want.term);
    if (!shards[n]) shards[n] = load("terms/" + n + ".json");
    return shards[n].then(function (shard) {
      var scores = new Map();
      Object.keys(shard).forEach(function (term) {
        if (want.prefix ? term.indexOf(want.term) !== 0 : term !== want.term) return;
        var postings = shard[term];
        var article = 0;
        for (var i = 0; i < postings.length; i += 2) {
          article += postings[i];
          scores.set(article, Math.max(scores.get(article) || 0, postings[i + 1]));
        }
      });
      return scores;
    });
  }

  function chosen() {
    var out = [];
    selects.forEach(function (select) {
      if (!select.value) return;
      var facet = select.getAttribute("data-filter");
      var values = meta.filters[facet].map(String);
      out.push({ facet: facet, at: values.indexOf(select.value), value: select.value });
    });
    return out;
  }

  var FIELDS = { topic: 1, organization: 2, place: 3 };
  function passes(doc, filters) {
    return filters.every(function (f) {
      if (f.facet === "year") return String(doc[4]) === f.value;
      return doc[FIELDS[f.facet]].indexOf(f.at) !== -1;
    });
  }

  function escapeRe(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function marker(query) {
    var parts = words(query).map(function (w) {
      // A Latin word from where a word starts (after Hangul too: 삼성SDI).
      return w.hangul ? escapeRe(w.text) : "(?:^|(?<=[^\\p{Alphabetic}\\p{N}])|(?<=" + HANGUL.source + "))" + escapeRe(w.text);
    });
    return parts.length ? new RegExp(parts.join("|"), "giu") : null;
  }

  /* About 30 words around the first match, the matches marked. */
  function excerpt(doc) {
    var sources = [doc.text || "", doc.summary || ""];
    var text = sources[0] || sources[1];
    var at = -1;
    for (var i = 0; marks && i < sources.length && at < 0; i++) {
      marks.lastIndex = 0;
      var m = marks.exec(sources[i]);
      if (m) { text = sources[i]; at = m.index; }
    }
    if (at < 0) { text = doc.summary || text; at = 0; }
    var start = Math.max(0, at - 80);
    var end = Math.min(text.length, at + 200);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    if (end < text.length) end = text.lastIndexOf(" ", end) > at ? text.lastIndexOf(" ", end) : end;
    var cut = (start > 0 ? "… " : "") + text.slice(start, end).replace(/\s+/g, " ") + (end < text.length ? " …" : "");
    var p = document.createElement("p");
    p.className = "excerpt";
    if (doc.lang) p.lang = doc.lang;
    var last = 0;
    if (marks) {
      marks.lastIndex = 0;
      var m2;
      while ((m2 = marks.exec(cut)) !== null) {
        if (m2[0] === "") { marks.lastIndex++; continue; }
        p.appendChild(document.createTextNode(cut.slice(last, m2.index)));
        var mark = document.createElement("mark");
        mark.textContent = m2[0];
        p.appendChild(mark);
        last = m2.index + m2[0].length;
      }
    }
    p.appendChild(document.createTextNode(cut.slice(last)));
    return p;
  }

  function item(doc) {
    var li = document.createElement("li");
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = doc.url;
    a.textContent = doc.title;
    if (doc.lang) a.lang = doc.lang;
    h.appendChild(a);
    li.appendChild(h);
    var line = document.createElement("p");
    line.className = "meta";
    line.textContent = doc.date + (doc.publisher ? " · " + doc.publisher : "");
    li.appendChild(line);
    li.appendChild(excerpt(doc));
    return li;
  }

  function showMore(mine) {
    var next = found.slice(list.children.length, list.children.length + PAGE);
    more.hidden = true;
    return Promise.all(next.map(function (i) { return load("docs/" + meta.docs[i][0] + ".json"); }))
      .then(function (docs) {
        if (mine !== run) return;
        docs.forEach(function (doc) { list.appendChild(item(doc)); });
        more.hidden = list.children.length >= found.length;
      });
  }

  function say(text) { status.textContent = text; }

  function remember(query, filters) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    filters.forEach(function (f) { params.set(f.facet, f.value); });
    var search = params.toString();
    history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
  }

  function search() {
    var mine = ++run;
    var query = input.value.trim();
    var filters = chosen();
    remember(query, filters);
    var asked = wants(query);
    marks = marker(query);
    if (!asked.length && !filters.length) {
      found = [];
      list.textContent = "";
      more.hidden = true;
      say(query ? "Type a word of at least one letter or digit." : "");
      return;
    }
    say("Searching…");
    var scored = asked.length
      ? Promise.all(asked.map(lookup)).then(function (maps) {
          var total = new Map(maps[0]);
          maps.slice(1).forEach(function (map) {
            total.forEach(function (score, article) {
              if (map.has(article)) total.set(article, score + map.get(article));
              else total.delete(article);
            });
          });
          return total;
        })
      : Promise.resolve(new Map(meta.docs.map(function (_, i) { return [i, 0]; })));
    scored.then(function (total) {
      if (mine !== run) return;
      found = Array.from(total.keys())
        .filter(function (i) { return passes(meta.docs[i], filters); })
        .sort(function (a, b) { return total.get(b) - total.get(a) || a - b; });
      list.textContent = "";
      var what = query ? " for “" + query + "”" : "";
      say(found.length === 0 ? "No briefing found" + what + "."
        : found.length + (found.length === 1 ? " briefing" : " briefings") + " found" + what + ".");
      return showMore(mine);
    }).catch(fail);
  }

  function fail(error) {
    say("Search could not read its index (" + error.message + "). The indexes of topics, organizations and places list every briefing.");
  }

  function fill(params) {
    selects.forEach(function (select) {
      var facet = select.getAttribute("data-filter");
      var counts = {};
      meta.docs.forEach(function (doc) {
        var values = facet === "year" ? (doc[4] === null ? [] : [doc[4]]) : doc[FIELDS[facet]];
        values.forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      meta.filters[facet].forEach(function (value, i) {
        var option = document.createElement("option");
        option.value = String(value);
        var n = counts[facet === "year" ? value : i] || 0;
        option.textContent = value + " (" + n + ")";
        select.appendChild(option);
      });
      var wanted = params.get(facet);
      if (wanted) select.value = wanted;
    });
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  form.hidden = false;
  var timer = null;
  load("meta.json").then(function (loaded) {
    meta = loaded;
    fill(params);
    form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    selects.forEach(function (select) { select.addEventListener("change", search); });
    more.addEventListener("click", function () { showMore(run).catch(fail); });
    search();
  }).catch(fail);
})();
