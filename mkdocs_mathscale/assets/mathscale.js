/* mkdocs-mathscale runtime: measure each display equation once, let CSS fit it (CONTRACT.md). */
(() => {
  const D = document;
  const S = ".mathscale";
  let o = { minScale: 0.6, zoom: true };
  try {
    o = { ...o, ...JSON.parse(D.getElementById("mathscale-config").textContent) };
  } catch (e) {}
  const MIN = o.minScale > 0 && o.minScale <= 1 ? +o.minScale : 0.6;
  // Without container units, the ResizeObserver writes the font-size itself.
  const CQ = window.CSS && CSS.supports("font-size", "1cqi");
  const EM = new WeakMap();
  const pending = new Set();
  const px = (e, p) => parseFloat(getComputedStyle(e)[p]);
  const rect = (e) => e.getBoundingClientRect();
  D.documentElement.style.setProperty("--mathscale-min", MIN);

  // Natural width in px at the current scale, tag included; 0 = nothing typeset yet,
  // -1 = MathJax 4 handles overflow itself (displayOverflow scale/linebreak/truncate).
  const natural = (inner) => {
    const ov = inner.querySelector("mjx-container")?.getAttribute("overflow");
    if (ov && ov !== "overflow" && ov !== "scroll") return -1;
    // Numbered MathJax output stretches to the column; its inline min-widths give its natural
    // width (MathJax 2 CommonHTML puts the one that counts the number on an inner table).
    const full = inner.querySelector("mjx-container[width=full],.MathJax_FullWidth,.mjx-full-width");
    if (full) {
      let w = 0;
      for (const e of [full, ...full.querySelectorAll('[style*="min-width"]')]) {
        w = Math.max(w, px(e, "minWidth") || 0);
      }
      if (w) return w;
    }
    const k = inner.querySelector(".katex-html");
    if (k) {
      let l = 1e9;
      let r = -1e9;
      let t = 0;
      for (const c of k.children) {
        const b = rect(c);
        if (c.classList.contains("tag")) {
          // The tag's content is wider than its box (same struts); a centred equation needs
          // room for it on both sides.
          for (const e of [c, ...c.children]) t = Math.max(t, rect(e).width);
        } else {
          l = Math.min(l, b.left);
          r = Math.max(r, b.right);
        }
      }
      // KaTeX's fixed 2px table struts can stick out of the last box by up to 2px.
      return r > l ? r - l + 2 + (t && 2 * t + px(k, "fontSize")) : 0;
    }
    for (const q of ["mjx-container>mjx-math", "mjx-container>svg", "span.MathJax", ".MathJax_CHTML", ".MathJax_SVG"]) {
      const m = inner.querySelector(q);
      if (m) return rect(m).width;
    }
    return 0;
  };

  // Writes state (and, without container units, the font-size) for width w of wrapper x.
  const apply = (x, w) => {
    const m = EM.get(x);
    if (!m || !w) return false;
    const s = (w - 1 - parseFloat(m[1])) / (m[0] * px(x, "fontSize"));
    const st = s >= 1 ? "fit" : s > MIN ? "scaled" : "floor";
    let resized = false;
    if (!CQ) {
      const f = `${Math.max(MIN, Math.min(1, s)) * 100}%`;
      resized = x.firstElementChild.style.fontSize !== f;
      x.firstElementChild.style.fontSize = f;
    }
    if (x.dataset.mathscaleState !== st) {
      x.dataset.mathscaleState = st;
      if (o.zoom && !x.querySelector("[tabindex]")) x.tabIndex = st === "fit" ? -1 : 0;
    }
    return resized;
  };

  // Read every width first, then write every style: one layout for any number of equations.
  // Width is linear in font-size: n = a*f + c, with c a few fixed px (KaTeX's struts, MathJax
  // 2's rounding). One measurement gives a (c = 0); with `again`, a second one at another
  // scale gives both, so every later width fits exactly.
  const fit = (list, again) => {
    const m = list.map((x) => {
      const i = x.firstElementChild;
      const w = i ? rect(x).width : 0;
      return [x, w, w ? natural(i) : 0, i && px(i, "fontSize")];
    });
    const changed = [];
    for (const [x, w, n, f] of m) {
      if (!n) {
        pending.add(x);
        continue;
      }
      pending.delete(x);
      if (n < 0) {
        EM.delete(x);
        x.style.removeProperty("--mathscale-w");
        delete x.dataset.mathscaleState;
        changed.push(x);
        continue;
      }
      const p = again && EM.get(x);
      let a = n / f;
      let c = 0;
      if (p && Math.abs(p[3] - f) > 0.1) {
        a = (p[2] - n) / (p[3] - f);
        c = n - a * f;
        if (a <= 0 || c < 0) [a, c] = [n / f, 0];
      }
      a = Math.ceil(a * 1e3) / 1e3;
      c = `${c.toFixed(2)}px`;
      const q = EM.get(x);
      EM.set(x, p ? [a, c, p[2], p[3], 1] : [a, c, n, f]);
      if (!q || q[0] !== a || q[1] !== c) {
        x.style.setProperty("--mathscale-w", a);
        x.style.setProperty("--mathscale-c", c);
        changed.push(x);
      }
      if (apply(x, w)) changed.push(x);
    }
    return changed;
  };
  const all = () => fit([...D.querySelectorAll(S)]);

  // Observes wrappers (never the scaled box). Anything we resize in here is unobserved until
  // the next frame, so the observer never loops.
  const ro =
    window.ResizeObserver &&
    new ResizeObserver((es) => {
      const now = [];
      const again = [];
      const later = [];
      for (const e of es) {
        const x = e.target;
        if (pending.has(x)) now.push(x);
        else if (apply(x, e.contentRect.width)) later.push(x);
        // Measure a scaled equation a second time, at its new scale (or again if it still
        // overflows) to learn its fixed part.
        else if (
          x.dataset.mathscaleState === "scaled" &&
          (!EM.get(x)[4] || x.scrollWidth > x.clientWidth)
        ) {
          again.push(x);
        }
      }
      later.push(...fit(now), ...fit(again, true));
      for (const x of later) ro.unobserve(x);
      if (later.length) requestAnimationFrame(() => later.forEach((x) => ro.observe(x)));
    });

  // Engines insert their output synchronously; this runs in the same task, before paint.
  const track = (xs) => {
    if (ro) for (const x of xs) ro.observe(x);
    if (xs.size) fit([...xs]);
  };
  new MutationObserver((rs) => {
    const xs = new Set();
    for (const r of rs) {
      const x = r.target.closest?.(S);
      if (x) xs.add(x);
      else
        for (const n of r.addedNodes)
          if (n.nodeType === 1) for (const y of n.matches(S) ? [n] : n.querySelectorAll(S)) xs.add(y);
    }
    track(xs);
  }).observe(D.documentElement, { childList: true, subtree: true });
  track(new Set(D.querySelectorAll(S)));
  D.fonts?.addEventListener("loadingdone", all);
  addEventListener("load", all);

  if (!o.zoom) return;
  let dlg;
  let back;
  const open = (x) => {
    if (!dlg) {
      dlg = D.createElement("dialog");
      dlg.className = "mathscale-zoom";
      dlg.setAttribute("aria-label", "Equation at full size");
      dlg.innerHTML = '<button type="button" aria-label="Close">×</button><div></div>';
      dlg.onclick = (e) => (e.target === dlg || e.target === dlg.firstChild) && dlg.close();
      dlg.onclose = () => back?.focus({ preventScroll: true });
      D.body.append(dlg);
    }
    const b = dlg.lastChild;
    b.replaceChildren(...[...x.firstElementChild.childNodes].map((n) => n.cloneNode(true)));
    for (const e of b.querySelectorAll("[id]")) e.removeAttribute("id");
    b.style.fontSize = getComputedStyle(x).fontSize;
    back = x.querySelector("[tabindex]") || x;
    dlg.showModal();
  };
  const zoomable = (e) => e.target.closest?.(`${S}[data-mathscale-state=scaled],${S}[data-mathscale-state=floor]`);
  D.addEventListener("click", (e) => {
    const x = zoomable(e);
    if (x && !e.target.closest("a,button") && getSelection().isCollapsed) open(x);
  });
  D.addEventListener("keydown", (e) => {
    const x = e.key === "Enter" && !e.defaultPrevented && zoomable(e);
    if (x) {
      e.preventDefault();
      open(x);
    }
  });
})();
