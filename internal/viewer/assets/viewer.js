// The schedule viewer: draws one run of the simulator event by event. Each
// channel is drawn as its hchan (the ring buffer's slots, sendx and recvx,
// qcount, recvq and sendq), each goroutine as a lane with its state and source
// line. Plain JavaScript, no framework: the page works from a file:// URL.
//
// GCViewer.mount(root, data, hooks) draws data (see internal/viewer: the
// events, the run's outcome, the sources by file name, and in a schedule made
// by hand the next decision) into root. hooks.pick(i), hooks.rest() and
// hooks.undo() are called by the controls of a schedule made by hand.
"use strict";
(function (global) {
  const CHAN_OPS = new Set(["make", "send", "recv", "close"]);
  const CHECKPOINT = 128;

  function esc(s) {
    return String(s).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  function fmtTime(ns) {
    if (!ns) return "0s";
    const units = [[3600e9, "h"], [60e9, "m"], [1e9, "s"], [1e6, "ms"], [1e3, "µs"]];
    for (const [d, u] of units) if (ns >= d) return +(ns / d).toFixed(3) + u;
    return ns + "ns";
  }

  // channelNames: the names the events show to be channels (made, sent on,
  // received from or closed); the others are locks, wait groups and the like.
  function channelNames(events) {
    const names = new Set();
    for (const e of events) if (e.chan && CHAN_OPS.has(e.op)) names.add(e.chan);
    return names;
  }

  // machinery: the channels of the test harness (synctest's bubble,
  // subtests' done channels), which the learner did not write; their events
  // stay in the list, but they are not drawn.
  function machinery(name) {
    return name.startsWith("synctest.") || name.startsWith("Test");
  }

  function emptyState() {
    return { gs: new Map(), chans: new Map(), t: 0, running: 0 };
  }

  function cloneState(s) {
    const gs = new Map();
    for (const [k, v] of s.gs) gs.set(k, Object.assign({}, v));
    return { gs, chans: new Map(s.chans), t: s.t, running: s.running };
  }

  function lane(s, id) {
    let g = s.gs.get(id);
    if (!g) { g = { id, state: "runnable", why: "", pos: "" }; s.gs.set(id, g); }
    return g;
  }

  // apply moves state s over event e.
  function apply(s, e, chans) {
    s.t = e.t_ns;
    if (e.chan && chans.has(e.chan) && e.op !== "park" || e.chan && s.chans.has(e.chan)) {
      s.chans.set(e.chan, e);
    }
    if (e.g === 0) {
      if (e.op === "go") { const m = /^G(\d+)/.exec(e.detail || ""); if (m) lane(s, +m[1]).state = "runnable"; }
      return;
    }
    const g = lane(s, e.g);
    if (e.pos) g.pos = e.pos;
    switch (e.op) {
      case "wake":
        g.state = "runnable"; g.why = "";
        return;
      case "park":
        g.state = "parked"; g.why = (e.detail || "parked") + (e.chan ? " on " + e.chan : "");
        if (s.running === e.g) s.running = 0;
        return;
      case "done": case "exit":
        g.state = "done"; g.why = e.op === "exit" ? "main returned: the program exits" : "";
        if (s.running === e.g) s.running = 0;
        return;
      case "panic":
        g.state = "blocked"; g.why = "panicked: " + (e.detail || "");
        return;
    }
    if (s.running && s.running !== e.g) {
      const r = s.gs.get(s.running);
      if (r && r.state === "running") r.state = "runnable";
    }
    s.running = e.g;
    g.state = "running"; g.why = "";
    if (e.op === "go") {
      const m = /^G(\d+)/.exec(e.detail || "");
      if (m) { const c = lane(s, +m[1]); c.state = "runnable"; c.why = "started by G" + e.g; if (!c.pos) c.pos = e.pos || ""; }
    }
  }

  // Timeline computes the state after any number of events, from the
  // nearest checkpoint, so that a step back costs as little as a step on.
  class Timeline {
    constructor(events) {
      this.events = events;
      this.chans = channelNames(events);
      this.checks = [emptyState()];
      let s = emptyState();
      for (let i = 0; i < events.length; i++) {
        apply(s, events[i], this.chans);
        if ((i + 1) % CHECKPOINT === 0) this.checks.push(cloneState(s));
      }
      this.cache = null;
    }
    at(n) {
      if (this.cache && this.cache.n === n) return this.cache.s;
      let base, from;
      if (this.cache && this.cache.n < n && n - this.cache.n < CHECKPOINT) {
        base = cloneState(this.cache.s); from = this.cache.n;
      } else {
        const k = Math.floor(n / CHECKPOINT);
        base = cloneState(this.checks[k]); from = k * CHECKPOINT;
      }
      for (let i = from; i < n; i++) apply(base, this.events[i], this.chans);
      this.cache = { n, s: base };
      return base;
    }
  }

  function describe(e) {
    if (!e) return "the start: nothing has run yet";
    let s = (e.g ? "G" + e.g : "clock") + " " + e.op;
    if (e.chan) s += " " + e.chan;
    if (e.detail) s += " (" + e.detail + ")";
    return s;
  }

  function chanHTML(e, touched) {
    let h = '<div class="chan' + (touched ? " touched" : "") + '" data-chan="' + esc(e.chan) + '">';
    h += '<span class="name mono">' + esc(e.chan) + "</span>";
    h += '<span class="fields mono">qcount=' + e.qcount + " dataqsiz=" + e.dataqsiz;
    if (e.dataqsiz > 0) h += " sendx=" + e.sendx + " recvx=" + e.recvx;
    h += "</span>";
    if (e.closed) h += '<span class="closed">closed</span>';
    if (e.dataqsiz > 0) {
      h += '<div class="ring" role="img" aria-label="buffer of ' + e.dataqsiz + " slots, " + e.qcount + ' full">';
      for (let i = 0; i < e.dataqsiz; i++) {
        const full = e.qcount > 0 && ((i - e.recvx + e.dataqsiz) % e.dataqsiz) < e.qcount;
        h += '<div class="slotc"><div class="arrow">' + (i === e.sendx ? "sendx ↓" : "&nbsp;") + "</div>";
        h += '<div class="slot' + (full ? " full" : "") + '">' + i + "</div>";
        h += '<div class="arrow r">' + (i === e.recvx ? "↑ recvx" : "&nbsp;") + "</div></div>";
      }
      h += "</div>";
    } else {
      h += '<div class="help">unbuffered: a send waits for a receiver (no slots)</div>';
    }
    // A trace names the first few waiters of a long queue and counts the rest.
    const q = (lbl, ids, more) => '<div class="q"><span class="lbl mono">' + lbl + "</span>" +
      (ids && ids.length ? ids.map(id => '<span class="chip mono">G' + id + "</span>").join("") : '<span class="help">empty</span>') +
      (more > 0 ? '<span class="help">+' + more + " more</span>" : "") + "</div>";
    h += q("recvq", e.recvq, e.recvq_more) + q("sendq", e.sendq, e.sendq_more);
    return h + "</div>";
  }

  function parsePos(pos) {
    const m = /^(.*):(\d+)$/.exec(pos || "");
    return m ? { file: m[1], line: +m[2] } : null;
  }

  function mount(root, data, hooks) {
    hooks = hooks || {};
    const events = data.events || [];
    const tl = new Timeline(events);
    const play = data.play || null;
    let n = play && play.point ? play.point.events : events.length;
    if (data.start !== undefined && !play) n = data.start;
    const sources = data.sources || {};

    root.innerHTML = "";
    root.classList.add("gcv");
    root.innerHTML =
      '<div class="bar"><span class="title"></span><span class="outcome"></span>' +
      '<button data-act="first" title="first event (Home)" aria-label="first event">«</button>' +
      '<button data-act="prev" title="back one event (←, k)" aria-label="back one event">◀</button>' +
      '<span class="stepn mono" aria-live="polite"></span>' +
      '<button data-act="next" title="on one event (→, j)" aria-label="on one event">▶</button>' +
      '<button data-act="last" title="last event (End)" aria-label="last event">»</button>' +
      '<span class="clock mono" title="virtual time"></span>' +
      '<button data-act="theme" title="light or dark (t)">◐</button></div>' +
      (play ? '<section class="pick" aria-label="be the scheduler"></section>' : "") +
      '<div class="now" aria-live="polite"></div>' +
      '<div><section><h2>Goroutines</h2><div class="lanes"></div></section>' +
      '<section style="margin-top:12px"><h2>Channels</h2><div class="chans"></div></section></div>' +
      '<div><section><h2>Events</h2><div class="events mono" tabindex="0"></div></section>' +
      '<section style="margin-top:12px"><h2>Code</h2><pre class="code"></pre></section></div>' +
      '<div class="help" style="grid-column:1/-1">Keys: <kbd>→</kbd>/<kbd>j</kbd> on, <kbd>←</kbd>/<kbd>k</kbd> back, <kbd>Home</kbd>/<kbd>End</kbd>' +
      (play ? ", <kbd>1</kbd>–<kbd>9</kbd> run that goroutine, <kbd>r</kbd> let the random strategy finish, <kbd>f</kbd> finish without preempting, <kbd>u</kbd> undo" : "") +
      ", <kbd>t</kbd> light/dark.</div>";
    const $ = sel => root.querySelector(sel);
    $(".title").textContent = data.title || "schedule";
    const oc = $(".outcome");
    oc.textContent = data.outcome ? data.outcome + (data.message && data.outcome !== "pass" ? ": " + data.message : "") : "";
    oc.title = oc.textContent;
    oc.classList.add(data.outcome === "pass" ? "pass" : "bad");
    if (!data.outcome) oc.style.display = "none";

    // The code panel: every source file, each line with an anchor.
    let code = "";
    for (const file of Object.keys(sources).sort()) {
      code += '<div class="file">' + esc(file) + "</div>";
      sources[file].forEach((l, i) => {
        code += '<span class="ln" id="L-' + esc(file) + "-" + (i + 1) + '"><span class="n">' + (i + 1) + "</span>" + esc(l) + "</span>";
      });
    }
    $(".code").innerHTML = code || '<span class="help">no source</span>';
    let hl = null;
    function showLine(pos, scroll) {
      if (hl) hl.classList.remove("hl");
      hl = null;
      const p = parsePos(pos);
      if (!p) return;
      const el = root.querySelector('[id="L-' + CSS.escape(p.file) + "-" + p.line + '"]');
      if (!el) return;
      el.classList.add("hl");
      hl = el;
      if (scroll) {
        const box = $(".code");
        box.scrollTop = Math.max(0, el.offsetTop - box.offsetTop - box.clientHeight / 3);
      }
    }

    function render() {
      const t0 = performance.now();
      const s = tl.at(n);
      const e = n > 0 ? events[n - 1] : null;
      $(".stepn").textContent = n + " / " + events.length;
      $(".clock").textContent = "t=" + fmtTime(s.t);
      $(".now").innerHTML = esc(n > 0 ? "#" + n + " " : "") + esc(describe(e)) +
        (e && e.pos ? ' <a href="#L-' + esc(e.pos.replace(":", "-")) + '" data-pos="' + esc(e.pos) + '">' + esc(e.pos) + "</a>" : "");
      // Lanes.
      const ids = [...s.gs.keys()].sort((a, b) => a - b);
      const runnable = play && play.point && n === play.point.events && play.point.kind === "goroutine" ? play.point.runnable : null;
      let lanes = "";
      for (const id of ids) {
        const g = s.gs.get(id);
        let st = g.state;
        if (runnable && st !== "done") st = runnable.includes(id) ? "runnable" : st === "running" ? "parked" : st;
        if (n === events.length && !play && (data.blocked || []).includes(id)) st = "blocked";
        const cur = e && e.g === id;
        lanes += '<div class="lane' + (cur ? " cur" : "") + '" data-g="' + id + '"><span class="gid mono">G' + id + "</span>" +
          '<span class="st ' + st + '">' + st + "</span>" +
          '<span class="what">' + esc(g.why) + "</span>" +
          (g.pos ? '<a class="mono" href="#L-' + esc(g.pos.replace(":", "-")) + '" data-pos="' + esc(g.pos) + '">' + esc(g.pos) + "</a>" : "<span></span>") + "</div>";
      }
      $(".lanes").innerHTML = lanes || '<span class="help">no goroutine yet</span>';
      // Channels, in the order they were made.
      let ch = "";
      for (const [name, ce] of s.chans) {
        if (machinery(name)) continue;
        ch += chanHTML(ce, e && e.chan === name);
      }
      $(".chans").innerHTML = ch || '<span class="help">no channel yet</span>';
      // Events: a window around the current one.
      const lo = Math.max(0, n - 60), hi = Math.min(events.length, n + 60);
      let evs = "";
      for (let i = lo; i < hi; i++) {
        const x = events[i];
        const cls = i === n - 1 ? " cur" : i >= n ? " future" : "";
        evs += '<div class="ev' + cls + '" data-i="' + (i + 1) + '"><span>' + (i + 1) + "</span><span>" + (x.g ? "G" + x.g : "clock") + "</span><span>" +
          esc(x.op + (x.chan ? " " + x.chan : "") + (x.detail ? " (" + x.detail + ")" : "")) + '</span><span class="pos">' + esc(x.pos || "") + "</span></div>";
      }
      const box = $(".events");
      box.innerHTML = evs;
      const cur = box.querySelector(".ev.cur");
      if (cur) box.scrollTop = Math.max(0, cur.offsetTop - box.offsetTop - box.clientHeight / 2);
      showLine(e && e.pos, true);
      if (play) renderPick();
      // What drawing a step costs the page, for the benchmark.
      root.dataset.renderMs = (performance.now() - t0).toFixed(3);
    }

    function renderPick() {
      const p = play.point;
      let h = "<h2>Be the scheduler</h2>";
      if (p && n === p.events) {
        if (p.kind === "goroutine") {
          h += "<div>Decision " + (p.decision + 1) + ": which goroutine runs next?" +
            (p.current >= 0 ? " G" + p.runnable[p.current] + " could go on; another one preempts it." : " The running goroutine blocked or ended.") + "</div>";
          h += '<div class="choices">' + p.runnable.map((id, i) =>
            '<button class="primary" data-pick="' + i + '">' + (i < 9 ? "<kbd>" + (i + 1) + "</kbd> " : "") + "run G" + id + (i === p.current ? " (go on)" : "") + "</button>").join("") + "</div>";
        } else {
          h += "<div>Decision " + (p.decision + 1) + ": more than one case of a select is ready: which one proceeds?</div>";
          h += '<div class="choices">' + Array.from({ length: p.n }, (_, i) =>
            '<button class="primary" data-pick="' + i + '">' + (i < 9 ? "<kbd>" + (i + 1) + "</kbd> " : "") + "ready case " + i + "</button>").join("") + "</div>";
        }
      } else if (p) {
        h += '<div class="help">Step to the end (<kbd>End</kbd>) to make the next decision.</div>';
      } else {
        h += "<div>The run is over: <b>" + esc(play.outcome || "") + "</b>" + (play.message ? ": " + esc(play.message) : "") + "</div>";
      }
      h += '<div class="choices"><button data-act="rest" title="r"><kbd>r</kbd> let the random strategy finish</button>' +
        '<button data-act="finish" title="f"><kbd>f</kbd> finish without preempting</button><button data-act="undo" title="u"' +
        (play.picks && play.picks.length ? "" : " disabled") + "><kbd>u</kbd> undo</button></div>";
      if (play.token) h += '<div class="token">replay token: <code>' + esc(play.token) + "</code> — <code>gocourse replay " + (play.race ? "--race " : "") + esc(play.token) + (play.target ? " " + esc(play.target) : "") + "</code></div>";
      $(".pick").innerHTML = h;
    }

    function go(to) {
      n = Math.max(0, Math.min(events.length, to));
      render();
    }
    function pick(i) {
      const p = play && play.point;
      if (!p || n !== p.events || i >= p.n || !hooks.pick) return;
      hooks.pick(i);
    }
    if (root._gcClick) root.removeEventListener("click", root._gcClick);
    root._gcClick = ev => {
      const t = ev.target.closest("[data-act],[data-pick],[data-i],[data-pos]");
      if (!t) return;
      if (t.dataset.pos) { ev.preventDefault(); showLine(t.dataset.pos, true); return; }
      if (t.dataset.i) { go(+t.dataset.i); return; }
      if (t.dataset.pick) { pick(+t.dataset.pick); return; }
      act(t.dataset.act);
    };
    root.addEventListener("click", root._gcClick);
    function act(a) {
      switch (a) {
        case "first": go(0); break;
        case "prev": go(n - 1); break;
        case "next": go(n + 1); break;
        case "last": go(events.length); break;
        case "theme": {
          const d = document.documentElement;
          const dark = d.dataset.theme ? d.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
          d.dataset.theme = dark ? "light" : "dark";
          try { localStorage.setItem("gocourse-theme", d.dataset.theme); } catch (_) { }
          break;
        }
        case "rest": if (hooks.rest) hooks.rest(); break;
        case "undo": if (hooks.undo) hooks.undo(); break;
        case "finish": if (hooks.finish) hooks.finish(); break;
      }
    }
    function onKey(ev) {
      if (!root.isConnected) { document.removeEventListener("keydown", onKey); return; }
      if (ev.target.closest && ev.target.closest("input,textarea,select") || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const k = ev.key;
      const map = { ArrowRight: "next", j: "next", ArrowLeft: "prev", k: "prev", Home: "first", End: "last", t: "theme" };
      if (map[k]) { ev.preventDefault(); act(map[k]); return; }
      if (play && k === "r") { act("rest"); return; }
      if (play && k === "u") { act("undo"); return; }
      if (play && k === "f") { act("finish"); return; }
      if (play && /^[1-9]$/.test(k)) pick(+k - 1);
    }
    if (root._gcKey) document.removeEventListener("keydown", root._gcKey);
    root._gcKey = onKey;
    document.addEventListener("keydown", onKey);
    render();
    return { go, get step() { return n; }, timeline: tl };
  }

  try {
    const t = localStorage.getItem("gocourse-theme");
    if (t) document.documentElement.dataset.theme = t;
  } catch (_) { }
  global.GCViewer = { mount, Timeline, fmtTime };
  // A standalone page carries its data in a script element.
  document.addEventListener("DOMContentLoaded", () => {
    const el = document.getElementById("gc-data");
    const root = document.getElementById("gc-viewer");
    if (el && root) mount(root, JSON.parse(el.textContent));
  });
})(window);
