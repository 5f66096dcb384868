"use strict";
// Images from the media library's picker endpoint (admin:media_image_picker),
// asked for by id, each once per page, and their thumbnails: for the gallery
// form's rows and the story form's hero image. Load it before the script using it:
//   const library = window.metroPickedImages(pickerUrl)
//   library.describe(["3", "5"]).then((items) => ...)
window.metroPickedImages = (pickerUrl) => {
  const known = new Map()

  // The endpoint's descriptions of `ids` (strings), in order; unknown ids are left out.
  async function describe(ids) {
    const wanted = ids.filter((id) => id && !known.has(id))
    if (wanted.length) {
      const response = await fetch(`${pickerUrl}?ids=${wanted.join(",")}`, {
        credentials: "same-origin",
      })
      if (response.ok) {
        for (const item of (await response.json()).results) {
          known.set(String(item.id), item)
        }
      }
    }
    return ids.map((id) => known.get(id)).filter(Boolean)
  }

  function thumbnail(item, width, className = "metro-thumb") {
    const img = document.createElement("img")
    img.src = item.thumbnail
    img.alt = item.alt
    img.width = width
    img.className = className
    return img
  }

  return { known, describe, thumbnail }
}
