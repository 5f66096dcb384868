/*
 * The "Image from library" dialog: lists media library images from the admin's
 * picker endpoint, with a search box, and resolves with the chosen image
 * (as the endpoint describes it) or null when the editor cancels.
 */
import { crel, gettext } from "django-prose-editor/editor"

const SEARCH_DELAY_MS = 250

export function chooseLibraryImage({ pickerUrl, container }) {
  return new Promise((resolve) => {
    let chosen = null
    let page = 1
    let request = null
    let searchTimer = null

    const search = crel("input", {
      type: "search",
      className: "metro-picker__search",
      placeholder: gettext("Search titles, captions and credits"),
      "aria-label": gettext("Search the library"),
    })
    const status = crel("p", {
      className: "metro-picker__status",
      role: "status",
    })
    const results = crel("ul", { className: "metro-picker__results" })
    const dialogButton = (label) =>
      crel("button", { type: "button", textContent: label })
    const previous = dialogButton(gettext("Previous"))
    const next = dialogButton(gettext("Next"))
    const cancel = dialogButton(gettext("Cancel"))
    const dialog = crel(
      "dialog",
      {
        className: "prose-editor-dialog metro-picker",
        "aria-label": gettext("Image from library"),
      },
      [
        crel("h3", {
          className: "prose-editor-dialog-title",
          textContent: gettext("Image from library"),
        }),
        search,
        status,
        results,
        crel("div", { className: "prose-editor-dialog-buttons" }, [
          previous,
          next,
          cancel,
        ]),
      ],
    )

    const resultItem = (image) => {
      const button = crel(
        "button",
        {
          type: "button",
          className: "metro-picker__item",
          title: image.caption || image.title,
        },
        [
          crel("img", { src: image.thumbnail, alt: "", loading: "lazy" }),
          crel("span", { className: "metro-picker__title", textContent: image.title }),
          crel("span", { className: "metro-picker__credit", textContent: image.credit }),
        ],
      )
      button.addEventListener("click", () => {
        chosen = image
        dialog.close()
      })
      return crel("li", {}, [button])
    }

    const show = (data) => {
      page = data.page
      results.replaceChildren(...data.results.map(resultItem))
      status.textContent = data.count
        ? `${data.count} ${data.count === 1 ? gettext("image") : gettext("images")}` +
          (data.pages > 1 ? ` · ${gettext("page")} ${data.page} / ${data.pages}` : "")
        : gettext("No images match.")
      previous.disabled = !data.has_previous
      next.disabled = !data.has_next
    }

    const load = async (pageNumber) => {
      request?.abort()
      request = new AbortController()
      status.textContent = gettext("Loading…")
      const query = new URLSearchParams({
        q: search.value.trim(),
        page: pageNumber,
      })
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
        status.textContent = gettext(
          "The library could not be loaded. Check that you are still logged in, then try again.",
        )
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
