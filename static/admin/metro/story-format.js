"use strict";
// The story form's "Review" fieldset is for reviews: it hides while the story's
// format is another, unless it holds a choice or an error (nothing an editor
// chose is ever hidden). Without JavaScript it always shows.
document.addEventListener("DOMContentLoaded", () => {
  const format = document.getElementById("id_format")
  const fieldset = document.querySelector("fieldset.story-review")
  if (!format || !fieldset) {
    return
  }
  const holdsSomething = () =>
    fieldset.querySelector(".errorlist") !== null ||
    [...fieldset.querySelectorAll("select")].some((select) => select.value !== "") ||
    [...fieldset.querySelectorAll("input[type=radio]:checked")].some((radio) => radio.value !== "")
  const update = () => {
    fieldset.hidden = format.value !== "review" && !holdsSomething()
  }
  format.addEventListener("change", update)
  update()
})
