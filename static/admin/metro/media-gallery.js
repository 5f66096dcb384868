/*
 * "Gallery" for django-prose-editor: a toolbar button that opens a list of the
 * library's galleries and places the chosen one in the body, stored as
 *
 *   <figure class="media-gallery" data-gallery-id="ID"></figure>
 *
 * The site draws the gallery from the library when readers load the story, so
 * the stored figure is empty. In the editor it shows as a card with the
 * gallery's title, how many pictures it has and the first few of them.
 */
import { Node, crel, gettext } from "django-prose-editor/editor"
import { openPickerDialog } from "./picker-dialog.js"

// The picker endpoint's description of each gallery, asked for once per page.
const described = new Map()

function describeGallery(pickerUrl, galleryId) {
  if (!described.has(galleryId)) {
    const request = fetch(`${pickerUrl}?ids=${encodeURIComponent(galleryId)}`, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then((response) => (response.ok ? response.json() : Promise.reject(response)))
      .then((data) => data.results.find((gallery) => String(gallery.id) === galleryId) ?? null)
    request.catch(() => described.delete(galleryId))
    described.set(galleryId, request)
  }
  return described.get(galleryId)
}

const countText = (count) =>
  `${count} ${count === 1 ? gettext("picture") : gettext("pictures")}`

function thumbnails(gallery) {
  return crel(
    "span",
    { className: "metro-gallery-card__pictures" },
    gallery.thumbnails.map((thumbnail) =>
      crel("img", { src: thumbnail.url, alt: thumbnail.alt, loading: "lazy" }),
    ),
  )
}

function noteCard(card, title, note) {
  card.replaceChildren(
    crel("span", { className: "metro-gallery-card__label", textContent: gettext("Gallery") }),
    crel("strong", { className: "metro-gallery-card__title", textContent: title }),
    crel("span", { className: "metro-gallery-card__note", textContent: note }),
  )
}

function fillCard(card, gallery) {
  if (!gallery) {
    noteCard(
      card,
      gettext("Not found"),
      gettext("This gallery was deleted: readers see nothing here."),
    )
    return
  }
  card.replaceChildren(
    crel("span", { className: "metro-gallery-card__label", textContent: gettext("Gallery") }),
    crel("strong", { className: "metro-gallery-card__title", textContent: gallery.title }),
    crel("span", { className: "metro-gallery-card__note", textContent: countText(gallery.count) }),
    thumbnails(gallery),
    crel("a", {
      href: gallery.edit_url,
      target: "_blank",
      rel: "noopener",
      className: "metro-gallery-card__edit",
      textContent: gettext("Edit the gallery (new tab)"),
    }),
  )
}

export function chooseGallery({ pickerUrl, container }) {
  return openPickerDialog({
    pickerUrl,
    container,
    title: gettext("Gallery"),
    searchPlaceholder: gettext("Search gallery titles"),
    searchLabel: gettext("Search the galleries"),
    resultsClass: "metro-picker__results metro-gallery-picker",
    itemButton: (gallery) => {
      const button = crel("button", { type: "button", className: "metro-picker__item" }, [
        thumbnails(gallery),
        crel("span", { className: "metro-picker__title", textContent: gallery.title }),
        crel("span", { className: "metro-picker__credit", textContent: countText(gallery.count) }),
      ])
      button.disabled = gallery.count === 0
      return button
    },
    countText: (count) => `${count} ${count === 1 ? gettext("gallery") : gettext("galleries")}`,
    emptyText: gettext("No galleries match. Make one under Media library › Galleries."),
    failureText: gettext(
      "The galleries could not be loaded. Check that you are still logged in, then try again.",
    ),
  })
}

export const MediaGallery = Node.create({
  name: "mediaGallery",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { pickerUrl: null, figureClass: "media-gallery" }
  },

  addAttributes() {
    return {
      galleryId: {
        default: "",
        parseHTML: (figure) => figure.dataset.galleryId ?? "",
        renderHTML: () => ({}),
      },
    }
  },

  parseHTML() {
    return [{ tag: `figure.${this.options.figureClass}[data-gallery-id]`, priority: 60 }]
  },

  renderHTML({ node }) {
    return ["figure", { class: this.options.figureClass, "data-gallery-id": node.attrs.galleryId }]
  },

  addNodeView() {
    const { pickerUrl, figureClass } = this.options
    return ({ node }) => {
      const card = crel("figure", {
        className: `${figureClass} metro-gallery-card`,
        contentEditable: "false",
      })
      card.dataset.galleryId = node.attrs.galleryId
      card.append(crel("span", { textContent: gettext("Gallery…") }))
      describeGallery(pickerUrl, node.attrs.galleryId).then(
        (gallery) => fillCard(card, gallery),
        () =>
          noteCard(
            card,
            gettext("Could not be loaded"),
            gettext("Check that you are still logged in; the gallery is kept."),
          ),
      )
      return { dom: card }
    }
  },

  addCommands() {
    return {
      insertGallery:
        (gallery) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { galleryId: String(gallery.id) } }),
    }
  },

  addMenuItems({ buttons, menu }) {
    const { pickerUrl } = this.options
    menu.defineItem({
      name: "mediaGallery",
      groups: "nodes",
      button: buttons.text("Gallery", "Gallery: place a slideshow of library pictures"),
      command: async (editor) => {
        const container = editor.view.dom.parentElement
        const gallery = await chooseGallery({ pickerUrl, container })
        if (gallery) {
          described.set(String(gallery.id), Promise.resolve(gallery))
          editor.chain().focus().insertGallery(gallery).run()
        }
      },
      active: (editor) => editor.isActive(this.name),
      enabled: (editor) => editor.isEditable,
    })
  },
})
