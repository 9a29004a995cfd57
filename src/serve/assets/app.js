// hedui serve: dropping a file posts it; choosing a finding marks its figures. The page works
// without this script too (the form posts, the finding links jump to the stated figure).
"use strict";
(function () {
  const form = document.getElementById("upload");
  const input = form && form.querySelector("input[type=file]");
  if (!form || !input) return;
  // A file past the server's limit is not sent at all: over a network, a browser may show a
  // broken connection rather than the server's 413 page when the upload is cut off.
  const max = Number(form.dataset.maxUpload) || Infinity;
  const tooLarge = document.getElementById("too-large");
  const send = () => {
    const file = input.files[0];
    if (file && file.size > max) {
      if (tooLarge) tooLarge.hidden = false;
      return;
    }
    if (tooLarge) tooLarge.hidden = true;
    document.body.classList.add("busy");
    form.submit();
  };
  input.addEventListener("change", () => { if (input.files.length) send(); });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (input.files.length) send();
  });
  let depth = 0;
  document.addEventListener("dragenter", (e) => {
    e.preventDefault();
    depth += 1;
    document.body.classList.add("dragging");
  });
  document.addEventListener("dragleave", () => {
    depth -= 1;
    if (depth <= 0) document.body.classList.remove("dragging");
  });
  document.addEventListener("dragover", (e) => e.preventDefault());
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    depth = 0;
    document.body.classList.remove("dragging");
    if (e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      send();
    }
  });

  const select = (k, scroll) => {
    for (const el of document.querySelectorAll(".active")) el.classList.remove("active");
    const marks = [...document.querySelectorAll("mark[data-f]")]
      .filter((m) => m.dataset.f.split(" ").includes(k));
    for (const m of marks) m.classList.add("active");
    const item = document.getElementById("finding-" + k);
    if (item) item.classList.add("active");
    if (scroll) {
      const stated = document.getElementById("f" + k) || marks[0];
      // Scroll the text alone, so the form and the summary stay in sight.
      const box = stated && stated.closest(".text");
      if (box) {
        const at = stated.getBoundingClientRect().top - box.getBoundingClientRect().top;
        box.scrollTop += at - box.clientHeight / 2;
      }
    } else if (item) {
      const list = item.closest(".findings");
      const at = item.getBoundingClientRect().top - list.getBoundingClientRect().top;
      if (at < 0 || at > list.clientHeight - item.offsetHeight) list.scrollTop += at;
    }
  };
  for (const a of document.querySelectorAll(".findings a[data-f]")) {
    a.addEventListener("click", (e) => {
      e.preventDefault();
      history.replaceState(null, "", "#f" + a.dataset.f);
      select(a.dataset.f, true);
    });
  }
  for (const m of document.querySelectorAll("mark[data-f]")) {
    m.addEventListener("click", () => select(m.dataset.f.split(" ")[0], false));
  }
  if (location.hash.startsWith("#f")) select(location.hash.slice(2), true);
})();
