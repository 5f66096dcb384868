"use strict";
// The gallery form: its pictures in order, with thumbnails.
// - Drag a row by its handle (or focus the handle and press the up and down
//   arrows) to move a picture; the Order column follows the rows, top to bottom.
// - "Add pictures from the library" opens the library with thumbnails and a
//   search box; each picture clicked becomes the next row.
// - A row shows its picture as soon as one is chosen, the autocomplete's results
//   show thumbnails, and the caption and credit boxes show the image's own, which
//   readers get unless the editor writes others.
// Pictures come from the media library's picker endpoint, through picked-images.js.
{
  const pickerUrl = document.currentScript.dataset.pickerUrl
  const PREFIX = "items"
  const SEARCH_DELAY_MS = 250

  const { known, describe: describeImages, thumbnail } = window.metroPickedImages(pickerUrl)

  const group = () => document.getElementById(`${PREFIX}-group`)
  const rows = () =>
    [...group().querySelectorAll("tbody tr.form-row")].filter(
      (row) => !row.classList.contains("empty-form"),
    )
  const imageSelect = (row) => row.querySelector("select[name$='-image']")
  const orderInput = (row) => row.querySelector("input[name$='-order']")

  // Positions 1, 2, 3… in the rows' order, for rows with a picture (an untouched
  // blank row must stay unchanged, or the form would ask for its picture).
  function renumber() {
    let position = 0
    for (const row of rows()) {
      const select = imageSelect(row)
      const input = orderInput(row)
      if (select?.value && input) {
        position += 1
        input.value = position
      }
    }
  }

  function showPicture(row) {
    const select = imageSelect(row)
    const holder = row.querySelector(".field-picture p") || row.querySelector(".field-picture")
    if (!select || !holder) return
    const id = select.value
    if (!id) {
      holder.textContent = "—"
      return
    }
    describeImages([id]).then(([item]) => {
      if (!item || select.value !== id) return
      holder.replaceChildren(thumbnail(item, 96))
      const caption = row.querySelector("textarea[name$='-caption']")
      const credit = row.querySelector("input[name$='-credit']")
      if (caption) caption.placeholder = item.caption
      if (credit) credit.placeholder = item.credit
    })
  }

  // Thumbnails in the autocomplete's results, asked for together.
  const waiting = new Map()
  let waitTimer = null
  function fillWaiting() {
    const ids = [...waiting.keys()]
    describeImages(ids).then(() => {
      for (const [id, holders] of waiting) {
        const item = known.get(id)
        for (const holder of holders) {
          if (item) holder.replaceChildren(thumbnail(item, 48))
        }
      }
      waiting.clear()
    })
  }
  function templateResult(result) {
    if (!result.id) return result.text
    const option = document.createElement("span")
    option.className = "metro-gallery-option"
    const holder = document.createElement("span")
    holder.className = "metro-gallery-option__thumb"
    option.append(holder, document.createTextNode(result.text))
    const id = String(result.id)
    waiting.set(id, [...(waiting.get(id) || []), holder])
    clearTimeout(waitTimer)
    waitTimer = setTimeout(fillWaiting, 50)
    return option
  }

  function setUpRow(row) {
    const $ = window.django.jQuery
    const select = imageSelect(row)
    if (!select || row.dataset.metroGallery) return
    row.dataset.metroGallery = "ready"
    const select2 = $(select).data("select2")
    if (select2) select2.options.set("templateResult", templateResult)
    $(select).on("change", () => {
      showPicture(row)
      renumber()
    })
    addHandle(row)
  }

  // Moving rows

  let dragged = null

  function addHandle(row) {
    const cell = row.querySelector("td.original")
    if (!cell || cell.querySelector(".metro-gallery__handle")) return
    const handle = document.createElement("button")
    handle.type = "button"
    handle.className = "metro-gallery__handle"
    handle.textContent = "⠿"
    handle.title = "Drag to move this picture, or press the up and down arrows"
    handle.setAttribute("aria-label", "Move this picture (up and down arrows)")
    cell.prepend(handle)
    // Only the handle starts a drag: text in the row's boxes stays selectable.
    handle.addEventListener("pointerdown", () => {
      row.draggable = true
    })
    handle.addEventListener("pointerup", () => {
      row.draggable = false
    })
    handle.addEventListener("keydown", (event) => {
      const sibling =
        event.key === "ArrowUp"
          ? row.previousElementSibling
          : event.key === "ArrowDown"
            ? row.nextElementSibling
            : null
      if (!sibling || !sibling.matches("tr.form-row:not(.empty-form)")) return
      event.preventDefault()
      if (event.key === "ArrowUp") sibling.before(row)
      else sibling.after(row)
      renumber()
      handle.focus()
    })
    row.addEventListener("dragstart", (event) => {
      dragged = row
      row.classList.add("metro-gallery__dragging")
      event.dataTransfer.effectAllowed = "move"
      event.dataTransfer.setData("text/plain", row.id)
    })
    row.addEventListener("dragend", () => {
      row.draggable = false
      row.classList.remove("metro-gallery__dragging")
      dragged = null
      renumber()
    })
    row.addEventListener("dragover", (event) => {
      if (!dragged || dragged === row) return
      event.preventDefault()
      const box = row.getBoundingClientRect()
      if (event.clientY < box.top + box.height / 2) row.before(dragged)
      else row.after(dragged)
    })
    row.addEventListener("drop", (event) => event.preventDefault())
  }

  // "Add pictures from the library"

  function addRow(image) {
    const $ = window.django.jQuery
    const addLink = group().querySelector(".add-row a")
    if (!addLink) return
    addLink.click() // The new row is set up by the formset:added listener below.
    const row = rows().at(-1)
    const select = imageSelect(row)
    known.set(String(image.id), image)
    select.append(new Option(image.title, image.id, true, true))
    $(select).trigger("change")
  }

  function chosenIds() {
    return new Set(rows().map((row) => imageSelect(row)?.value).filter(Boolean))
  }

  function openLibrary(opener) {
    let page = 1
    let request = null
    let searchTimer = null
    const dialog = document.createElement("dialog")
    dialog.className = "metro-gallery-library"
    dialog.setAttribute("aria-labelledby", "metro-gallery-library-title")
    dialog.innerHTML = `
      <h2 id="metro-gallery-library-title">Add pictures from the library</h2>
      <p class="metro-gallery-library__help">Click pictures in the order they should follow; each becomes the gallery's next picture.</p>
      <input type="search" class="metro-gallery-library__search" aria-label="Search the library"
        placeholder="Search titles, captions and credits">
      <p class="metro-gallery-library__status" role="status"></p>
      <ul class="metro-gallery-library__results"></ul>
      <div class="metro-gallery-library__buttons">
        <button type="button" data-action="previous">Previous</button>
        <button type="button" data-action="next">Next</button>
        <button type="button" data-action="done" class="default">Done</button>
      </div>`
    const search = dialog.querySelector("input")
    const status = dialog.querySelector("[role=status]")
    const results = dialog.querySelector("ul")
    const previous = dialog.querySelector("[data-action=previous]")
    const next = dialog.querySelector("[data-action=next]")

    const tile = (image, added) => {
      const button = document.createElement("button")
      button.type = "button"
      button.className = "metro-gallery-library__item"
      button.title = image.caption || image.title
      const picture = document.createElement("img")
      picture.src = image.thumbnail
      picture.alt = ""
      picture.loading = "lazy"
      const title = document.createElement("span")
      title.textContent = image.title
      const state = document.createElement("span")
      state.className = "metro-gallery-library__state"
      button.append(picture, title, state)
      const mark = () => {
        button.disabled = true
        state.textContent = "✓ Added"
      }
      if (added) mark()
      button.addEventListener("click", () => {
        addRow(image)
        mark()
        status.textContent = `Added “${image.title}”.`
      })
      const item = document.createElement("li")
      item.append(button)
      return item
    }

    const load = async (pageNumber) => {
      request?.abort()
      request = new AbortController()
      status.textContent = "Loading…"
      const query = new URLSearchParams({ q: search.value.trim(), page: pageNumber })
      try {
        const response = await fetch(`${pickerUrl}?${query}`, {
          credentials: "same-origin",
          signal: request.signal,
        })
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        const data = await response.json()
        page = data.page
        const added = chosenIds()
        results.replaceChildren(...data.results.map((image) => tile(image, added.has(String(image.id)))))
        status.textContent = data.count
          ? `${data.count} image${data.count === 1 ? "" : "s"}` +
            (data.pages > 1 ? ` · page ${data.page} / ${data.pages}` : "")
          : "No images match."
        previous.disabled = !data.has_previous
        next.disabled = !data.has_next
      } catch (error) {
        if (error.name === "AbortError") return
        results.replaceChildren()
        status.textContent =
          "The library could not be loaded. Check that you are still logged in, then try again."
      }
    }

    search.addEventListener("input", () => {
      clearTimeout(searchTimer)
      searchTimer = setTimeout(() => load(1), SEARCH_DELAY_MS)
    })
    search.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return
      event.preventDefault() // Not the gallery form's submission.
      clearTimeout(searchTimer)
      load(1)
    })
    previous.addEventListener("click", () => load(page - 1))
    next.addEventListener("click", () => load(page + 1))
    dialog.querySelector("[data-action=done]").addEventListener("click", () => dialog.close())
    dialog.addEventListener("close", () => {
      clearTimeout(searchTimer)
      request?.abort()
      dialog.remove()
      opener.focus()
    })
    document.body.append(dialog)
    dialog.showModal()
    search.focus()
    load(1)
  }

  function start() {
    const inline = group()
    if (!inline || !window.django?.jQuery) return
    const open = document.createElement("button")
    open.type = "button"
    open.className = "button metro-gallery__add"
    open.textContent = "Add pictures from the library"
    open.addEventListener("click", () => openLibrary(open))
    const heading = inline.querySelector(".inline-heading")
    ;(heading || inline).after(open)
    rows().forEach(setUpRow)
    document.addEventListener("formset:added", (event) => {
      if (event.detail?.formsetName === PREFIX) setUpRow(event.target)
    })
    document.addEventListener("formset:removed", (event) => {
      if (event.detail?.formsetName === PREFIX) renumber()
    })
  }

  // After autocomplete.js has set up select2, on the rows present and on new ones.
  document.addEventListener("DOMContentLoaded", () => window.django?.jQuery(start))
}
