/*
 * The body editor's library dialogs ("Image from library", "Gallery"): one page
 * of the picker endpoint's results at a time, with a search box and previous and
 * next buttons. Resolves with the chosen item (as the endpoint describes it) or
 * null when the editor cancels. Each dialog says what it lists:
 *
 *   title, searchPlaceholder, searchLabel: its words
 *   resultsClass: the class of its list of results
 *   itemButton(item): the button showing one result
 *   countText(count): "3 images"; emptyText, failureText: its other statuses
 */
import { crel, gettext } from "django-prose-editor/editor"

const SEARCH_DELAY_MS = 250

export function openPickerDialog({
  pickerUrl,
  container,
  title,
  searchPlaceholder,
  searchLabel,
  resultsClass,
  itemButton,
  countText,
  emptyText,
  failureText,
}) {
  return new Promise((resolve) => {
    let chosen = null
    let page = 1
    let request = null
    let searchTimer = null

    const search = crel("input", {
      type: "search",
      className: "metro-picker__search",
      placeholder: searchPlaceholder,
      "aria-label": searchLabel,
    })
    const status = crel("p", { className: "metro-picker__status", role: "status" })
    const results = crel("ul", { className: resultsClass })
    const dialogButton = (label) => crel("button", { type: "button", textContent: label })
    const previous = dialogButton(gettext("Previous"))
    const next = dialogButton(gettext("Next"))
    const cancel = dialogButton(gettext("Cancel"))
    const dialog = crel(
      "dialog",
      { className: "prose-editor-dialog metro-picker", "aria-label": title },
      [
        crel("h3", { className: "prose-editor-dialog-title", textContent: title }),
        search,
        status,
        results,
        crel("div", { className: "prose-editor-dialog-buttons" }, [previous, next, cancel]),
      ],
    )

    const resultItem = (item) => {
      const button = itemButton(item)
      button.addEventListener("click", () => {
        chosen = item
        dialog.close()
      })
      return crel("li", {}, [button])
    }

    const show = (data) => {
      page = data.page
      results.replaceChildren(...data.results.map(resultItem))
      status.textContent = data.count
        ? countText(data.count) +
          (data.pages > 1 ? ` · ${gettext("page")} ${data.page} / ${data.pages}` : "")
        : emptyText
      previous.disabled = !data.has_previous
      next.disabled = !data.has_next
    }

    const load = async (pageNumber) => {
      request?.abort()
      request = new AbortController()
      status.textContent = gettext("Loading…")
      const query = new URLSearchParams({ q: search.value.trim(), page: pageNumber })
      try {
        const response = await fetch(`${pickerUrl}?${query}`, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: request.signal,
        })
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        show(await response.json())
      } catch (error) {
        if (error.name === "AbortError") return
        results.replaceChildren()
        status.textContent = failureText
      }
    }

    search.addEventListener("input", () => {
      clearTimeout(searchTimer)
      searchTimer = setTimeout(() => load(1), SEARCH_DELAY_MS)
    })
    // Enter would otherwise submit the admin form the editor lives in.
    search.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return
      event.preventDefault()
      clearTimeout(searchTimer)
      load(1)
    })
    previous.addEventListener("click", () => load(page - 1))
    next.addEventListener("click", () => load(page + 1))
    cancel.addEventListener("click", () => dialog.close())
    dialog.addEventListener("close", () => {
      clearTimeout(searchTimer)
      request?.abort()
      dialog.remove()
      resolve(chosen)
    })

    container.append(dialog)
    dialog.showModal()
    search.focus()
    load(1)
  })
}
