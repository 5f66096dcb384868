"use strict";
// The story form's hero image: thumbnails in the autocomplete's results, and the
// preview follows the choice at once (before saving). Pictures come from the media
// library's picker endpoint (picked-images.js), asked for the listed ids in one request.
// Runs as a jQuery ready handler registered after autocomplete.js's, so select2 is set up.
document.addEventListener("DOMContentLoaded", () => window.django?.jQuery(startHeroPicker))

function startHeroPicker() {
  const config = document.getElementById("desk-hero-picker")
  const select = document.getElementById("id_hero_image")
  const $ = window.django && window.django.jQuery
  if (!config || !select || !$) {
    return
  }
  const library = window.metroPickedImages(config.dataset.pickerUrl) // picked-images.js
  const { known, describe: fetchImages } = library
  const thumbnail = (item, width) => library.thumbnail(item, width, "metro-thumb desk-hero-thumb")
  const waiting = new Map()
  let timer = null

  const fillWaiting = () => {
    const ids = [...waiting.keys()]
    fetchImages(ids).then(() => {
      for (const [id, holders] of waiting) {
        const item = known.get(id)
        for (const holder of holders) {
          if (item) holder.replaceChildren(thumbnail(item, 48))
        }
      }
      waiting.clear()
    })
  }

  const templateResult = (result) => {
    if (!result.id) {
      return result.text
    }
    const row = document.createElement("span")
    row.className = "desk-hero-option"
    const holder = document.createElement("span")
    holder.className = "desk-hero-option__thumb"
    row.append(holder, document.createTextNode(result.text))
    const id = String(result.id)
    waiting.set(id, [...(waiting.get(id) || []), holder])
    clearTimeout(timer)
    timer = setTimeout(fillWaiting, 50)
    return row
  }

  const preview = document.querySelector(".field-hero_preview .readonly")
  const showPreview = () => {
    if (!preview) return
    const id = select.value
    if (!id) {
      preview.textContent = "—"
      return
    }
    fetchImages([id]).then(([item]) => {
      if (item && select.value === id) preview.replaceChildren(thumbnail(item, 320))
    })
  }

  const select2 = $(select).data("select2")
  if (select2) {
    select2.options.set("templateResult", templateResult)
  }
  $(select).on("change", showPreview)
}
