// The course pages: live check results (server-sent events), hints, the
// solution, and be the scheduler. Plain JavaScript, no framework.
"use strict";
(function () {
  function esc(s) { return String(s).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]); }

  function progress(done, total) {
    const m = document.querySelector(".meter span");
    if (!m) return;
    if (done !== undefined) { m.dataset.done = done; m.dataset.total = total; document.querySelector(".pcount").textContent = done + "/" + total; }
    const t = +m.dataset.total;
    m.style.width = (t ? 100 * +m.dataset.done / t : 0) + "%";
  }

  function showResult(r) {
    const box = document.getElementById("result");
    if (!box) return;
    if (!r) { box.innerHTML = '<p class="muted">Not checked yet: save your file, or press Check now.</p>'; return; }
    let h = '<p><span class="badge ' + esc(r.status) + '" id="verdict">' + (r.status === "pass" ? "pass" : esc(r.status)) + "</span> score " + esc(r.score) + "</p>";
    for (const c of r.checks || []) {
      h += '<div class="check" data-check="' + esc(c.name) + '"><span class="badge ' + esc(c.status) + '">' + esc(c.status) + "</span> <b>" + esc(c.name) + "</b>";
      if (c.message) h += "<pre>" + esc(c.message) + "</pre>";
      if (c.trace) h += '<div class="links"><a href="' + esc(c.trace) + '" class="see-schedule">see the schedule that failed, step by step</a><a href="' + esc(c.play) + '" class="play-it">be the scheduler</a></div>';
      h += "</div>";
    }
    box.innerHTML = h;
    const st = document.getElementById("status");
    if (st && r.done) { st.className = "badge pass"; st.textContent = "passed"; document.getElementById("solution").disabled = false; }
  }

  function exercisePage(main) {
    const id = main.dataset.exercise;
    showResult(window.GC_RESULT);
    if (main.querySelector("#result").dataset.checking === "true") checking();
    function checking() {
      document.getElementById("result").innerHTML = '<p><span class="badge checking">checking…</span></p>';
    }
    const es = new EventSource("/events");
    es.onmessage = ev => {
      const m = JSON.parse(ev.data);
      if (m.id !== id) return;
      if (m.type === "checking") checking();
      if (m.type === "result") { showResult(m.result); if (m.progress) progress(m.progress[0], m.progress[1]); }
    };
    const post = (url) => fetch(url + "?id=" + encodeURIComponent(id), { method: "POST" });
    const actions = {
      check: () => post("/api/check"),
      hint: () => post("/api/hint").then(r => r.json()).then(j => {
        document.getElementById("hints").innerHTML = j.hints.map((h, i) => "<p><b>Hint " + (i + 1) + ".</b> " + esc(h) + "</p>").join("") +
          (j.hints.length === j.total ? '<p class="muted">That was the last hint: the lesson section below explains the idea.</p>' : "");
      }),
      solution: () => fetch("/api/solution?id=" + encodeURIComponent(id)).then(async r => {
        const box = document.getElementById("solution-box");
        if (!r.ok) { box.innerHTML = '<p class="muted">' + esc(await r.text()) + "</p>"; return; }
        const j = await r.json();
        box.innerHTML = '<div class="sol markdown">' + Object.keys(j.files).sort().map(f => "<h3>Solution: " + esc(f) + "</h3><pre><code>" + esc(j.files[f]) + "</code></pre>").join("") + "</div>";
      }),
    };
    for (const k of Object.keys(actions)) document.getElementById(k).addEventListener("click", actions[k]);
    document.addEventListener("keydown", ev => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.target.closest("input,textarea")) return;
      const k = { c: "check", h: "hint", s: "solution" }[ev.key];
      if (k && !document.getElementById(k).disabled) { ev.preventDefault(); actions[k](); }
    });
  }

  // playPage: each pick asks the server for the run with one pick more.
  function playPage(root) {
    const dir = root.dataset.playDir, run = root.dataset.playRun, replay = root.dataset.playReplay, race = root.dataset.playRace !== undefined;
    let session = "";
    async function step(p, rest) {
      const req = { session, dir, run, picks: p, random: rest === "random", finish: rest === "finish", seed: 1, race };
      if (!session && replay && !p) req.replay = replay; // follow the failing schedule
      const r = await fetch("/api/play", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(req) });
      if (!r.ok) { root.innerHTML = '<pre class="page">' + esc(await r.text()) + "</pre>"; return; }
      const j = await r.json();
      session = j.session;
      // The picks made by hand: after "let the strategy finish", undo goes
      // back to the last of them.
      const made = j.data.play.picks.slice();
      GCViewer.mount(root, j.data, {
        pick: i => step(made.concat([i])),
        rest: () => step(made, "random"),
        finish: () => step(made, "finish"),
        undo: () => step(made.slice(0, -1)),
      });
      root.dataset.step = made.length;
      root.dataset.outcome = j.data.play.outcome || "";
    }
    step(replay ? null : []);
  }

  document.addEventListener("DOMContentLoaded", () => {
    progress();
    const t = document.querySelector("[data-theme-toggle]");
    if (t) t.addEventListener("click", () => {
      const d = document.documentElement;
      const dark = d.dataset.theme ? d.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
      d.dataset.theme = dark ? "light" : "dark";
      try { localStorage.setItem("gocourse-theme", d.dataset.theme); } catch (_) { }
    });
    const main = document.querySelector("[data-exercise]");
    if (main) exercisePage(main);
    const v = document.getElementById("gc-viewer");
    if (v && v.dataset.playDir !== undefined) playPage(v);
    if (v && v.dataset.pending) {
      fetch(v.dataset.pending).then(async r => {
        if (!r.ok) { v.innerHTML = '<pre class="page">' + esc(await r.text()) + "</pre>"; return; }
        const d = await r.json();
        document.title = d.title + " · gocourse";
        GCViewer.mount(v, d);
      });
    }
  });
})();
