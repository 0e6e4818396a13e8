// Copydesk's one script: shortcuts, autosave, diffs and live updates on the review
// page, and small conveniences elsewhere. Every action also works without it.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  document.addEventListener("change", function (e) {
    if (e.target.matches("select[data-autosubmit]")) e.target.form.submit();
  });

  var review = document.querySelector(".review");
  if (!review) return;

  var csrf = document.body.dataset.csrf || "";
  var text = {};
  try { text = JSON.parse(document.getElementById("ui-text").textContent); } catch (err) { text = {}; }
  var AUTOSAVE_MS = 1200;

  function rows() { return Array.prototype.slice.call(document.querySelectorAll("article.seg")); }
  function rowOf(el) { return el && el.closest ? el.closest("article.seg") : null; }
  function area(row) { return row.querySelector("textarea[name=target]"); }
  function say(row, msg, bad, fade) {
    var s = row.querySelector("[data-status]");
    if (!s) return;
    clearTimeout(s._fade);
    s.textContent = msg || "";
    s.classList.toggle("bad", !!bad);
    if (fade) s._fade = setTimeout(function () { s.textContent = ""; }, 3000);
  }
  function fit(t) {
    t.style.height = "auto";
    t.style.height = (t.scrollHeight + 2) + "px";
  }

  // Each row remembers the text last saved; edits are dirty until saved.
  rows().forEach(function (row) {
    var t = area(row);
    if (!t) return;
    row.dataset.saved = t.value;
    row._issues = Array.prototype.map.call(row.querySelectorAll(".issue-list li"), function (li) {
      return { start: Number(li.dataset.start), end: Number(li.dataset.end), check: li.dataset.check,
        fix: li.hasAttribute("data-fixable") ? "" : null };
    });
    fit(t);
  });

  function dirty(row) { var t = area(row); return t && !t.readOnly && t.value !== row.dataset.saved; }

  function renderDiff(box, ops) {
    box.textContent = "";
    (ops || []).forEach(function (op) {
      var el = document.createElement(op.kind === "insert" ? "ins" : op.kind === "delete" ? "del" : "span");
      el.textContent = op.text;
      if (op.kind !== "equal" && !op.text.trim()) el.className = "ws";
      box.appendChild(el);
    });
  }

  // count moves one segment from one state's count to another's in the header.
  function count(from, to) {
    if (from === to) return;
    [[from, -1], [to, 1]].forEach(function (p) {
      var el = document.querySelector("[data-count='" + p[0] + "']");
      if (el) el.textContent = Number(el.textContent) + p[1];
    });
    var approved = document.querySelector("[data-count=approved]");
    var bar = document.querySelector("[data-progress]");
    var label = document.querySelector("[data-approved-of]");
    if (approved && bar) bar.value = Number(approved.textContent);
    if (approved && label && text.approvedOf) {
      label.textContent = text.approvedOf.replace("{approved}", approved.textContent).replace("{total}", label.dataset.approvedOf);
    }
  }

  // apply shows a segment as the server now has it. sent is the text this page
  // sent, when sg answers its own save: what was typed since then is kept, and
  // stays unsaved so that autosave sends it.
  function apply(row, sg, who, sent) {
    var t = area(row);
    count(row.dataset.state, sg.state);
    row.dataset.version = sg.version;
    row.dataset.state = sg.state;
    row.dataset.saved = sg.target;
    row.querySelector("input[name=version]").value = sg.version;
    var typed = sent !== undefined && t && t.value !== sent;
    if (t && !typed && t.value !== sg.target) { t.value = sg.target; fit(t); }
    if (typed) schedule(row);
    var badge = row.querySelector(".state");
    if (badge) {
      badge.className = "state state-" + sg.state;
      if (sg.state_label) badge.textContent = sg.state_label;
    }
    var reason = row.querySelector(".meta .reason");
    if (reason && sg.state !== "rejected") reason.remove();
    renderDiff(row.querySelector(".diff"), sg.diff);
    var box = row.querySelector(".diffbox");
    if (box) box.toggleAttribute("data-unchanged", sg.target === sg.mt);
    if (who) row.querySelector("[data-changed]").textContent = (text.changedBy || "{name}").replace("{name}", who);
    if (sg.issues) renderChecks(row, sg.target, sg.issues);
    var c = row.querySelector(".conflictbox");
    if (c) c.remove();
  }

  // renderChecks shows a segment's check findings: the target with the spans
  // underlined, and one line per issue with its fix and dismiss buttons. Spans are
  // byte offsets into the UTF-8 text.
  var enc = new TextEncoder(), dec = new TextDecoder();
  function renderChecks(row, target, issues) {
    var box = row.querySelector("[data-checks]");
    if (!box) return;
    row._issues = issues;
    box.textContent = "";
    if (!issues.length) return;
    var bytes = enc.encode(target), pos = 0;
    var marked = document.createElement("div");
    marked.className = "marked";
    marked.setAttribute("aria-hidden", "true");
    function piece(tag, from, to, i) {
      var el = document.createElement(tag);
      el.textContent = dec.decode(bytes.slice(from, to));
      if (i !== undefined) { el.dataset.i = i; if (from === to) el.className = "gap"; }
      marked.appendChild(el);
    }
    issues.forEach(function (is, i) {
      if (is.start < pos || is.end > bytes.length) return;
      if (is.start > pos) piece("span", pos, is.start);
      piece("mark", is.start, is.end, i);
      pos = is.end;
    });
    if (pos < bytes.length) piece("span", pos, bytes.length);
    box.appendChild(marked);
    var list = document.createElement("ul");
    list.className = "issue-list";
    var canEdit = !area(row).readOnly, fixable = 0;
    issues.forEach(function (is, i) {
      var li = document.createElement("li");
      li.className = "sev-" + is.severity;
      li.dataset.i = i;
      var sev = document.createElement("span");
      sev.className = "sev";
      sev.textContent = text["severity_" + is.severity] || is.severity;
      li.appendChild(sev);
      li.appendChild(document.createTextNode(" " + is.message + " "));
      if (canEdit && is.fix !== undefined && is.fix !== null) {
        fixable++;
        li.appendChild(button(text.fix, "fix", { index: i }, "btn-small"));
      }
      if (canEdit && is.check === "spelling") li.appendChild(button(text.suggest, "suggest", { i: i }, "btn-small"));
      if (canEdit) li.appendChild(button(text.dismiss, "dismiss", { check: is.check }, "btn-small btn-quiet"));
      list.appendChild(li);
    });
    box.appendChild(list);
    if (canEdit && fixable > 1) box.appendChild(button((text.fixAll || "{n}").replace("{n}", fixable), "fixall", { index: "all" }, "btn-small"));
  }
  function button(label, act, data, cls) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.dataset.act = act;
    Object.keys(data).forEach(function (k) { b.dataset[k] = data[k]; });
    b.textContent = label;
    return b;
  }

  // suggest asks the server for spelling suggestions for issue i (on demand: they
  // are slow) and offers each as a button that puts it in the text.
  function suggest(row, i, el) {
    var is = (row._issues || [])[i];
    var t = area(row);
    if (!is || dirty(row)) return;
    var word = dec.decode(enc.encode(t.value).slice(is.start, is.end));
    fetch("/spelling/suggest?lang=" + encodeURIComponent(t.lang) + "&word=" + encodeURIComponent(word), {
      credentials: "same-origin", headers: { "Accept": "application/json" }
    }).then(function (res) { return res.json(); }).then(function (data) {
      var box = document.createElement("span");
      (data.suggestions || []).slice(0, 6).forEach(function (w) {
        box.appendChild(button(w, "use", { start: is.start, end: is.end, word: w }, "btn-small"));
      });
      if (!box.childNodes.length) box.textContent = text.noSuggestion || "—";
      el.replaceWith(box);
    });
  }
  function replaceSpan(row, start, end, word) {
    var t = area(row), b = enc.encode(t.value);
    t.value = dec.decode(b.slice(0, start)) + word + dec.decode(b.slice(end));
    fit(t);
    save(row);
  }

  // fixAt applies the fix of the issue under the cursor (Alt+F), saving first.
  function fixAt(row) {
    var t = area(row);
    var at = enc.encode(t.value.slice(0, t.selectionStart)).length;
    save(row).then(function (ok) {
      if (!ok) return;
      var issues = row._issues || [];
      var best = -1;
      issues.forEach(function (is, i) {
        if (best < 0 && is.fix !== undefined && is.fix !== null && is.start - 1 <= at && at <= is.end + 1) best = i;
      });
      if (best < 0) { say(row, text.noFix, true, true); return; }
      post(row, "fix", { index: best }).catch(function () {});
    });
  }

  // post sends one action of a row; calls for the same row run one after another,
  // each with the version the one before left. It resolves with the new segment.
  function post(row, action, fields) {
    row._inflight = (row._inflight || 0) + 1;
    var run = (row._chain || Promise.resolve()).then(function () {
      var body = new FormData();
      body.set("csrf_token", csrf);
      body.set("version", row.dataset.version);
      Object.keys(fields || {}).forEach(function (k) { body.set(k, fields[k]); });
      say(row, text.saving);
      return fetch("/segments/" + row.dataset.segmentId + "/" + action, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRF-Token": csrf }
      }).then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (data) {
          if (res.ok) { apply(row, data, undefined, fields.target); say(row, text.saved, false, true); return data; }
          if (res.status === 409 && data.segment) { conflict(row, data.segment, fields.target); throw new Error("conflict"); }
          say(row, data.error || text.failed, true);
          throw new Error(data.error || String(res.status));
        });
      }, function (err) { say(row, text.offline, true); throw err; });
    });
    row._chain = run.catch(function () {});
    row._chain.then(function () {
      row._inflight--;
      if (row._inflight === 0) {
        var queued = row._queued || [];
        row._queued = [];
        queued.forEach(function (ev) { live(row, ev); });
      }
    });
    return run;
  }

  function schedule(row) {
    clearTimeout(row._timer);
    row._timer = setTimeout(function () { save(row); }, AUTOSAVE_MS);
  }

  function save(row) {
    clearTimeout(row._timer);
    if (!dirty(row)) return Promise.resolve(true);
    return post(row, "save", { target: area(row).value }).then(function () { return true; }, function () { return false; });
  }

  // conflict shows the server's text beside the editor's and lets them choose.
  function conflict(row, theirs, mine) {
    var old = row.querySelector(".conflictbox");
    if (old) old.remove();
    say(row, text.conflict, true);
    var box = document.createElement("div");
    box.className = "conflictbox";
    box.setAttribute("role", "alert");
    function part(label, value) {
      var h = document.createElement("div"); h.className = "muted"; h.textContent = label;
      var p = document.createElement("div"); p.className = "text"; p.textContent = value;
      box.appendChild(h); box.appendChild(p);
    }
    part(text.theirs, theirs.target);
    part(text.mine, mine === undefined ? area(row).value : mine);
    var keep = document.createElement("button"); keep.type = "button"; keep.textContent = text.keepMine;
    var take = document.createElement("button"); take.type = "button"; take.textContent = text.takeTheirs;
    keep.addEventListener("click", function () {
      // The editor may have typed on since the box appeared: keep what is there now.
      count(row.dataset.state, theirs.state);
      row.dataset.state = theirs.state;
      row.dataset.version = theirs.version;
      row.querySelector("input[name=version]").value = theirs.version;
      row.dataset.saved = theirs.target;
      box.remove();
      save(row);
    });
    take.addEventListener("click", function () { apply(row, theirs); say(row, ""); });
    box.appendChild(keep); box.appendChild(document.createTextNode(" ")); box.appendChild(take);
    row.appendChild(box);
  }

  function focusRow(row) {
    if (!row) return false;
    var t = area(row);
    if (t) { t.focus(); t.scrollIntoView({ block: "nearest" }); }
    return true;
  }
  function neighbour(row, step) {
    var all = rows(), i = all.indexOf(row);
    return all[i + step] || null;
  }

  function approve(row) {
    clearTimeout(row._timer);
    var t = area(row);
    return post(row, "approve", { target: t.value }).then(function () {
      var all = rows(), i = all.indexOf(row);
      var next = all.slice(i + 1).concat(all.slice(0, i)).filter(function (r) { return r.dataset.state !== "approved"; })[0];
      if (next) { focusRow(next); return; }
      var link = document.querySelector("[data-next-page]");
      say(row, text.allDone);
      if (link) link.focus();
    }, function () {});
  }

  function openReject(row) {
    var d = row.querySelector("details.reject");
    if (!d) return;
    d.open = true;
    d.querySelector("input[name=reason]").focus();
  }
  function reject(row) {
    var input = row.querySelector("input[name=reason]");
    var reason = input.value.trim();
    if (!reason) { say(row, text.needReason, true); input.focus(); return; }
    save(row).then(function (ok) {
      if (!ok) return;
      return post(row, "reject", { reason: reason }).then(function () {
        row.querySelector("details.reject").open = false;
        input.value = "";
        focusRow(row);
      }, function () {});
    });
  }

  function restore(row) {
    var t = area(row);
    clearTimeout(row._timer);
    t.value = row.dataset.saved;
    fit(t);
    say(row, "");
  }
  function useMT(row) {
    var t = area(row);
    t.value = row.dataset.mt;
    fit(t);
    t.focus();
    save(row);
  }
  // machineAgain asks the first provider with the pair for the machine text again
  // (saving what is typed first) and puts it in, as a revision of kind mt.
  function machineAgain(row) {
    save(row).then(function (ok) {
      if (ok) post(row, "mt", {}).then(function () { area(row).focus(); }).catch(function () {});
    });
  }
    function toggleDiff(row) {
    var d = row.querySelector(".diffbox");
    if (d) d.open = !d.open;
  }

  function loadPanel(row, show) {
    var panel = row.querySelector("[data-panel]");
    if (!show && !panel.hidden) { panel.hidden = true; return; }
    var back = location.pathname + location.search;
    return fetch("/segments/" + row.dataset.segmentId + "/history?partial=1&back=" + encodeURIComponent(back), {
      credentials: "same-origin", headers: { "Accept": "text/html" }
    }).then(function (res) { return res.text(); }).then(function (html) {
      panel.innerHTML = html; // server-rendered and escaped by html/template
      panel.hidden = false;
    });
  }

  // Clicks on the row's buttons run through the script instead of a page load.
  review.addEventListener("click", function (e) {
    var el = e.target.closest("[data-act]");
    var row = rowOf(el);
    if (!el || !row) return;
    var act = el.dataset.act;
    if (act === "history") { e.preventDefault(); loadPanel(row); return; }
    e.preventDefault();
    if (act === "save") save(row);
    else if (act === "approve") approve(row);
    else if (act === "reject") reject(row);
    else if (act === "restore") restore(row);
    else if (act === "mt") useMT(row);
    else if (act === "remt") machineAgain(row);
    else if (act === "fix" || act === "fixall") {
      var index = el.dataset.index !== undefined ? el.dataset.index : el.value;
      save(row).then(function (ok) { if (ok) post(row, "fix", { index: index }).catch(function () {}); });
    }
    else if (act === "suggest") suggest(row, Number(el.dataset.i), el);
    else if (act === "use") replaceSpan(row, Number(el.dataset.start), Number(el.dataset.end), el.dataset.word);
    else if (act === "dismiss") {
      var check = el.dataset.check || el.value;
      save(row).then(function (ok) { if (ok) post(row, "dismiss", { check: check }).catch(function () {}); });
    }
  });

  // Forms inside the history panel (revert, comment) also run in place.
  review.addEventListener("submit", function (e) {
    var form = e.target;
    var row = rowOf(form);
    if (!row || !form.closest("[data-panel]")) return;
    e.preventDefault();
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRF-Token": csrf }
    }).then(function (res) {
      return res.json().then(function (data) {
        if (res.status === 409 && data.segment) { conflict(row, data.segment); return; }
        if (!res.ok) { say(row, data.error || text.failed, true); return; }
        if (form.hasAttribute("data-revert")) apply(row, data);
        loadPanel(row, true);
      });
    });
  });

  review.addEventListener("input", function (e) {
    var row = rowOf(e.target);
    if (!row || e.target !== area(row)) return;
    fit(e.target);
    schedule(row);
  });
  review.addEventListener("focusout", function (e) {
    var row = rowOf(e.target);
    if (row && e.target === area(row) && dirty(row)) save(row);
  });
  review.addEventListener("keydown", function (e) {
    if (e.target.matches("input[name=reason]") && e.key === "Enter") {
      e.preventDefault();
      reject(rowOf(e.target));
    }
  });

  document.addEventListener("keydown", function (e) {
    var row = rowOf(document.activeElement);
    if (!row) {
      if (e.altKey && (e.key === "ArrowDown" || e.key === "ArrowUp")) { e.preventDefault(); focusRow(rows()[0]); }
      return;
    }
    // Letters are matched by physical key (e.code): on a Mac, Alt+M types "µ".
    var k = e.key, code = e.code;
    if ((e.ctrlKey || e.metaKey) && k === "Enter") { e.preventDefault(); approve(row); }
    else if (e.altKey && k === "ArrowDown") { e.preventDefault(); focusRow(neighbour(row, 1)); }
    else if (e.altKey && k === "ArrowUp") { e.preventDefault(); focusRow(neighbour(row, -1)); }
    else if ((e.ctrlKey || e.metaKey) && e.shiftKey && code === "KeyR") { e.preventDefault(); openReject(row); }
    else if (e.altKey && !e.ctrlKey && code === "KeyM") { e.preventDefault(); useMT(row); }
    else if (e.altKey && !e.ctrlKey && code === "KeyD") { e.preventDefault(); toggleDiff(row); }
    else if (e.altKey && !e.ctrlKey && code === "KeyH") { e.preventDefault(); loadPanel(row); }
    else if (e.altKey && !e.ctrlKey && code === "KeyF") { e.preventDefault(); fixAt(row); }
    else if (e.altKey && !e.ctrlKey && code === "KeyT") { e.preventDefault(); machineAgain(row); }
    else if (k === "Escape") {
      var d = row.querySelector("details.reject[open]");
      if (d) { d.open = false; focusRow(row); }
      else if (dirty(row)) { e.preventDefault(); restore(row); }
    }
  });

  // live applies a change that arrived on the event stream. While this page's own
  // write to the row is under way the event waits: it may be that write's echo.
  function live(row, ev) {
    if (row._inflight > 0) { (row._queued = row._queued || []).push(ev); return; }
    if (ev.version <= Number(row.dataset.version)) return;
    var sg = { version: ev.version, state: ev.state, state_label: ev.state_label, target: ev.target, diff: ev.diff, mt: row.dataset.mt, issues: ev.issues };
    if (dirty(row)) { conflict(row, sg); return; }
    apply(row, sg, ev.author);
    row.classList.remove("flash-live");
    void row.offsetWidth;
    row.classList.add("flash-live");
  }

  // Active editing time: while a segment's editor has the focus, the tab is
  // visible and the editor has typed, clicked or moved within the last minute,
  // each second counts. The time is sent when the editor leaves the segment,
  // every half minute, and when the tab is hidden or closed.
  var timing = { row: null, ms: 0, last: 0 };
  function touch() { timing.last = Date.now(); }
  function flushTime() {
    if (!timing.row || timing.ms < 1000) { timing.ms = 0; return; }
    var body = new FormData();
    body.set("csrf_token", csrf);
    body.set("ms", String(timing.ms));
    var url = "/segments/" + timing.row.dataset.segmentId + "/time";
    timing.ms = 0;
    if (navigator.sendBeacon) navigator.sendBeacon(url, body);
    else fetch(url, { method: "POST", body: body, credentials: "same-origin", keepalive: true });
  }
  review.addEventListener("focusin", function (e) {
    var row = rowOf(e.target);
    if (!row || e.target.tagName !== "TEXTAREA") return;
    if (timing.row !== row) { flushTime(); timing.row = row; }
    touch();
  });
  review.addEventListener("focusout", function (e) {
    if (e.target.tagName === "TEXTAREA" && rowOf(e.target) === timing.row) { flushTime(); timing.row = null; }
  });
  ["keydown", "input", "pointerdown", "pointermove"].forEach(function (ev) {
    review.addEventListener(ev, touch, { passive: true });
  });
  var since = 0;
  setInterval(function () {
    var active = timing.row && document.visibilityState === "visible" && Date.now() - timing.last < 60000 &&
      document.activeElement && rowOf(document.activeElement) === timing.row;
    if (active) timing.ms += 1000;
    if (++since >= 30) { since = 0; flushTime(); }
  }, 1000);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") flushTime(); });
  window.addEventListener("pagehide", flushTime);

  // Live updates from other reviewers.
  if (window.EventSource && review.dataset.events) {
    var es = new EventSource(review.dataset.events);
    es.addEventListener("segment", function (e) {
      var ev = JSON.parse(e.data);
      var row = document.getElementById("seg-" + ev.id);
      if (row) live(row, ev);
    });
    es.addEventListener("comment", function (e) {
      var ev = JSON.parse(e.data);
      var row = document.getElementById("seg-" + ev.segment_id);
      if (!row) return;
      var panel = row.querySelector("[data-panel]");
      if (!panel.hidden) loadPanel(row, true);
      row.classList.remove("flash-live");
      void row.offsetWidth;
      row.classList.add("flash-live");
    });
  }
})();
