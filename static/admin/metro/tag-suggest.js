/*
 * Suggests existing tags in taggit's comma-separated inputs: while an editor
 * types, the tag under the caret is completed from the admin's tag
 * autocomplete endpoint (the input's data-tag-suggest-url). Names are written
 * the way taggit reads them: comma-separated, quoted when they hold a space
 * or a comma.
 */
const INPUT_SELECTOR = "input[data-tag-suggest-url]"
const FETCH_DELAY_MS = 150
const MAX_SUGGESTIONS = 10

const list = Object.assign(document.createElement("ul"), {
  id: "metro-tag-suggestions",
  className: "metro-tag-suggestions",
  hidden: true,
})
list.setAttribute("role", "listbox")

let input = null
let suggestions = []
let highlighted = -1
let fetchTimer = null
let request = null

// Tags in the input, each with where it starts and ends in the value.
function tagsIn(value) {
  const tags = []
  let start = 0
  let quoted = false
  for (let i = 0; i <= value.length; i++) {
    if (value[i] === '"') quoted = !quoted
    else if (i === value.length || (value[i] === "," && !quoted)) {
      const name = value.slice(start, i).trim().replace(/^"|"$/g, "")
      tags.push({ start, end: i, name })
      start = i + 1
    }
  }
  return tags
}

function tagAtCaret() {
  const caret = input.selectionStart ?? input.value.length
  return tagsIn(input.value).find((tag) => tag.start <= caret && caret <= tag.end)
}

const asWritten = (name) => (/[ ,]/.test(name) ? `"${name}"` : name)

// Forget the pending lookup, when the editor has left the input.
function stopSuggesting() {
  clearTimeout(fetchTimer)
  request?.abort()
}

function hide() {
  list.hidden = true
  suggestions = []
  highlighted = -1
  input?.setAttribute("aria-expanded", "false")
  input?.removeAttribute("aria-activedescendant")
}

function highlight(index) {
  highlighted = index
  for (const [i, option] of [...list.children].entries()) {
    option.setAttribute("aria-selected", String(i === index))
  }
  if (index >= 0) input.setAttribute("aria-activedescendant", list.children[index].id)
  else input.removeAttribute("aria-activedescendant")
}

function show(names) {
  suggestions = names
  if (!names.length) return hide()
  list.replaceChildren(
    ...names.map((name, i) => {
      const option = Object.assign(document.createElement("li"), {
        id: `metro-tag-suggestion-${i}`,
        textContent: name,
      })
      option.setAttribute("role", "option")
      option.addEventListener("click", () => accept(i))
      return option
    }),
  )
  const box = input.getBoundingClientRect()
  Object.assign(list.style, {
    left: `${window.scrollX + box.left}px`,
    top: `${window.scrollY + box.bottom + 2}px`,
    minWidth: `${box.width}px`,
  })
  list.hidden = false
  input.setAttribute("aria-expanded", "true")
  highlight(-1)
}

async function suggest() {
  request?.abort()
  const tag = tagAtCaret()
  if (!tag?.name) return hide()
  request = new AbortController()
  const term = tag.name.toLowerCase()
  try {
    const url = `${input.dataset.tagSuggestUrl}&term=${encodeURIComponent(tag.name)}`
    const response = await fetch(url, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: request.signal,
    })
    if (!response.ok) return hide()
    const { results } = await response.json()
    const present = new Set(tagsIn(input.value).map((t) => t.name.toLowerCase()))
    const names = results
      .map((result) => result.text)
      .filter((name) => !present.has(name.toLowerCase()) || name.toLowerCase() === term)
      .sort((a, b) => b.toLowerCase().startsWith(term) - a.toLowerCase().startsWith(term))
    show(names.slice(0, MAX_SUGGESTIONS))
  } catch (error) {
    if (error.name !== "AbortError") hide()
  }
}

function accept(index) {
  const tag = tagAtCaret()
  if (!tag) return hide()
  const value = input.value
  const before = value.slice(0, tag.start).trimEnd()
  const after = value.slice(tag.end)
  const written = (before ? `${before} ` : "") + asWritten(suggestions[index])
  input.value = written + (after || ", ")
  const caret = written.length + (after ? 0 : 2)
  input.setSelectionRange(caret, caret)
  input.dispatchEvent(new Event("change", { bubbles: true }))
  hide()
}

function prepare(field) {
  if (field === input) return
  stopSuggesting()
  hide()
  input = field
  input.setAttribute("role", "combobox")
  input.setAttribute("aria-autocomplete", "list")
  input.setAttribute("aria-controls", list.id)
  input.setAttribute("aria-expanded", "false")
  if (!list.isConnected) document.body.append(list)
}

document.addEventListener("focusin", (event) => {
  if (event.target.matches?.(INPUT_SELECTOR)) prepare(event.target)
})

document.addEventListener("focusout", (event) => {
  if (event.target !== input) return
  stopSuggesting()
  hide()
})

document.addEventListener("input", (event) => {
  if (event.target !== input) return
  clearTimeout(fetchTimer)
  fetchTimer = setTimeout(suggest, FETCH_DELAY_MS)
})

document.addEventListener("keydown", (event) => {
  if (event.target !== input || list.hidden) return
  const last = suggestions.length - 1
  const choosing = event.key === "Enter" || event.key === "Tab"
  if (event.key === "ArrowDown") highlight(highlighted >= last ? 0 : highlighted + 1)
  else if (event.key === "ArrowUp") highlight(highlighted <= 0 ? last : highlighted - 1)
  else if (event.key === "Escape") hide()
  else if (choosing && highlighted >= 0) accept(highlighted)
  else return
  event.preventDefault()
})

// Keep the focus in the input while an option is clicked.
list.addEventListener("mousedown", (event) => event.preventDefault())
