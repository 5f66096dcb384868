/*
 * The story body's link dialog: a search box that finds stories, people and
 * films (a combobox: type two letters or more, move with ↑ and ↓, choose with
 * Enter or a click), the link's URL and its title.
 *
 * Choosing a result makes the link a reference to it (`reference`, stored as
 * data-link="article:12"); typing another URL makes it a plain link again.
 * editLink() resolves with the link's attributes (an empty href removes the
 * link), or null when the editor cancels.
 */
import { crel, gettext } from "django-prose-editor/editor"

const SEARCH_DELAY_MS = 200
const MIN_QUERY_LENGTH = 2
const GROUPS = [
  ["story", gettext("Stories")],
  ["person", gettext("People")],
  ["film", gettext("Films and series")],
]
const KIND_NAMES = {
  story: gettext("the story"),
  person: gettext("the person"),
  film: gettext("the film"),
}

let dialogs = 0

export function editLink({ editor, current, targetsUrl }) {
  return new Promise((resolve) => {
    const id = `metro-link-${++dialogs}`
    let reference = current.reference || null
    let referenceUrl = current.href || ""
    let options = [] // [{ element, result }] in the listbox's order
    let active = -1
    let search = null
    let searchTimer = null
    let lookup = null
    let link = null

    const input = (suffix, attributes = {}) =>
      crel("input", { id: `${id}-${suffix}`, type: "text", size: 50, ...attributes })
    const query = input("search", {
      className: "metro-link-picker__search",
      autocomplete: "off",
      spellcheck: false,
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": `${id}-results`,
      "aria-describedby": `${id}-hint`,
    })
    const listbox = crel("div", {
      id: `${id}-results`,
      className: "metro-link-picker__results",
      role: "listbox",
      "aria-label": gettext("Stories, people and films"),
    })
    listbox.hidden = true
    const status = crel("p", { className: "metro-link-picker__status", role: "status" })
    const chosen = crel("p", { className: "metro-link-picker__chosen" })
    const makePlain = crel("button", {
      type: "button",
      className: "metro-link-picker__plain",
      textContent: gettext("Make it a plain link"),
    })
    const referenceBox = crel("div", { className: "metro-link-picker__reference" }, [
      chosen,
      makePlain,
    ])
    const href = input("href", { value: current.href || "" })
    const title = input("title", { value: current.title || "" })
    const submit = crel("button", { type: "submit", textContent: gettext("Update") })
    const cancel = crel("button", { type: "button", textContent: gettext("Cancel") })
    const field = (label, control, ...more) =>
      crel("div", { className: "prose-editor-dialog-field" }, [
        crel("label", { htmlFor: control.id, textContent: label }),
        control,
        ...more,
      ])
    const heading = crel("h3", {
      id: `${id}-heading`,
      className: "prose-editor-dialog-title",
      textContent: gettext("Link"),
    })
    const form = crel("form", {}, [
      heading,
      field(
        gettext("Find a story, person or film"),
        query,
        crel("p", {
          id: `${id}-hint`,
          className: "prose-editor-help metro-link-picker__hint",
          textContent: gettext("Type two letters or more, then ↑ ↓ and Enter to choose."),
        }),
        listbox,
        status,
      ),
      referenceBox,
      field(gettext("URL"), href),
      field(gettext("Title"), title),
      crel("div", { className: "prose-editor-dialog-buttons" }, [submit, cancel]),
    ])
    const dialog = crel(
      "dialog",
      { className: "prose-editor-dialog metro-link-picker", "aria-labelledby": heading.id },
      [form],
    )

    const showReference = (text = "") => {
      chosen.textContent = text
      referenceBox.hidden = !reference
    }
    const description = (result) =>
      `${gettext("Links to")} ${KIND_NAMES[result.kind]} “${result.label}”` +
      (result.detail ? ` (${result.detail})` : "") +
      `. ${gettext("The link follows it if its address changes.")}`

    const closeList = () => {
      listbox.hidden = true
      query.setAttribute("aria-expanded", "false")
      highlight(-1)
    }
    const openList = () => {
      listbox.hidden = false
      query.setAttribute("aria-expanded", "true")
    }
    const highlight = (index) => {
      active = index
      options.forEach(({ element }, i) => element.setAttribute("aria-selected", String(i === index)))
      if (index < 0) {
        query.removeAttribute("aria-activedescendant")
        return
      }
      const { element } = options[index]
      query.setAttribute("aria-activedescendant", element.id)
      element.scrollIntoView({ block: "nearest" })
    }

    const choose = (result) => {
      reference = result.ref
      referenceUrl = result.url
      href.value = result.url
      showReference(description(result))
      closeList()
      status.textContent = ""
    }

    const option = (result) => {
      const index = options.length
      const element = crel(
        "div",
        {
          id: `${id}-option-${index}`,
          className: "metro-link-picker__option",
          role: "option",
          "aria-selected": "false",
        },
        [
          crel("span", { className: "metro-link-picker__label", textContent: result.label }),
          crel("span", { className: "metro-link-picker__detail", textContent: result.detail }),
        ],
      )
      // Keep the focus (and the keyboard) in the search box.
      element.addEventListener("mousedown", (event) => event.preventDefault())
      element.addEventListener("click", () => choose(result))
      options.push({ element, result })
      return element
    }

    const show = (results) => {
      options = []
      const groups = []
      for (const [kind, label] of GROUPS) {
        const ofKind = results.filter((result) => result.kind === kind)
        if (!ofKind.length) continue
        const labelId = `${id}-${kind}`
        groups.push(
          crel(
            "div",
            { className: "metro-link-picker__group", role: "group", "aria-labelledby": labelId },
            [
              crel("div", {
                id: labelId,
                className: "metro-link-picker__group-label",
                role: "presentation",
                textContent: label,
              }),
              ...ofKind.map(option),
            ],
          ),
        )
      }
      listbox.replaceChildren(...groups)
      active = -1
      if (options.length) {
        openList()
        highlight(-1)
        status.textContent =
          options.length === 1 ? gettext("1 match") : `${options.length} ${gettext("matches")}`
      } else {
        closeList()
        status.textContent = gettext("No story, person or film matches.")
      }
    }

    const load = async () => {
      search?.abort()
      const text = query.value.trim()
      if (text.length < MIN_QUERY_LENGTH) {
        show([])
        status.textContent = ""
        return
      }
      search = new AbortController()
      status.textContent = gettext("Searching…")
      try {
        const response = await fetch(`${targetsUrl}?${new URLSearchParams({ q: text })}`, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: search.signal,
        })
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        show((await response.json()).results)
      } catch (error) {
        if (error.name === "AbortError") return
        show([])
        status.textContent = gettext(
          "The search failed. Check that you are still logged in, then try again.",
        )
      }
    }

    // An existing link by reference: say what it points at now.
    const describeCurrent = async () => {
      showReference(gettext("Links to a story, person or film…"))
      lookup = new AbortController()
      try {
        const response = await fetch(`${targetsUrl}?${new URLSearchParams({ ref: reference })}`, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: lookup.signal,
        })
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        const { target } = await response.json()
        if (!reference) return // Made plain meanwhile.
        showReference(
          target
            ? description(target)
            : gettext(
                "What this linked to no longer exists: readers see the words without a link.",
              ),
        )
      } catch (error) {
        if (error.name !== "AbortError" && reference) showReference("")
      }
    }

    query.addEventListener("input", () => {
      clearTimeout(searchTimer)
      searchTimer = setTimeout(load, SEARCH_DELAY_MS)
    })
    query.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!options.length) return
        event.preventDefault()
        openList()
        const step = event.key === "ArrowDown" ? 1 : -1
        const first = step > 0 ? 0 : options.length - 1
        highlight(active < 0 ? first : (active + step + options.length) % options.length)
      } else if (event.key === "Enter" && !listbox.hidden) {
        // With the list open, Enter chooses; closed, it saves the link like the button.
        event.preventDefault()
        if (active >= 0) choose(options[active].result)
      } else if (event.key === "Escape" && !listbox.hidden) {
        // Closes the list, not the dialog.
        event.preventDefault()
        closeList()
      }
    })
    query.addEventListener("blur", () => closeList())
    query.addEventListener("focus", () => {
      if (options.length) openList()
    })

    href.addEventListener("input", () => {
      if (reference && href.value.trim() !== referenceUrl) {
        reference = null
        showReference()
      }
    })
    makePlain.addEventListener("click", () => {
      reference = null
      showReference()
      href.focus()
    })

    // The dialog's form sits inside the admin's form: its submit must not reach it
    // (the story form would think it is being saved). Enter in a field clicks the
    // submit button, whose default is cancelled here.
    submit.addEventListener("click", (event) => {
      event.preventDefault()
      link = {
        href: href.value.trim(),
        title: title.value.trim() || null,
        reference: href.value.trim() ? reference : null,
        target: null,
        rel: null,
      }
      dialog.close()
    })
    form.addEventListener("submit", (event) => {
      event.preventDefault()
      event.stopPropagation()
    })
    cancel.addEventListener("click", () => dialog.close())
    dialog.addEventListener("close", () => {
      clearTimeout(searchTimer)
      search?.abort()
      lookup?.abort()
      dialog.remove()
      resolve(link)
    })

    showReference()
    editor.view.dom.parentElement.append(dialog)
    dialog.showModal()
    query.focus()
    if (reference) describeCurrent()
  })
}
