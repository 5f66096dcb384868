"use strict";
// Galleries as slideshows. The page has each gallery as a list of figures
// (articles/richtext.py, gallery_html), which is what readers get without
// JavaScript; this shows one figure at a time, with Previous and Next buttons,
// the arrow keys while the gallery has focus, swipes, and the position ("3 of 12")
// said politely to screen readers. A picture loads when it is shown (the page
// marks them lazy); once the reader moves, the neighbours load ahead.

const SWIPE_DISTANCE = 40 // CSS pixels a finger must travel sideways to turn a slide.

function slideshow(gallery) {
  const list = gallery.querySelector(".gallery__slides")
  const slides = [...list.children]
  if (slides.length < 2) {
    return
  }
  const count = slides.length
  const listId = `${gallery.id}-slides`
  let current = 0

  const button = (label, className) => {
    const element = document.createElement("button")
    element.type = "button"
    element.className = `gallery__button ${className}`
    element.setAttribute("aria-controls", listId)
    element.append(label[0])
    const more = document.createElement("span")
    more.className = "visually-hidden"
    more.textContent = label[1]
    element.append(more)
    return element
  }
  const previous = button(["Previous", " picture"], "gallery__button--previous")
  const next = button(["Next", " picture"], "gallery__button--next")
  const position = document.createElement("p")
  position.className = "gallery__position"
  position.setAttribute("aria-live", "polite")
  position.setAttribute("aria-atomic", "true")
  const controls = document.createElement("div")
  controls.className = "gallery__controls"
  controls.append(previous, position, next)

  gallery.classList.add("gallery--slideshow")
  gallery.setAttribute("aria-roledescription", "carousel")
  list.id = listId
  list.setAttribute("role", "none")
  slides.forEach((slide, index) => {
    // A list item may not be a group, nor a captioned figure: the slide is a box around it.
    slide.setAttribute("role", "none")
    const frame = document.createElement("div")
    frame.className = "gallery__frame"
    frame.setAttribute("role", "group")
    frame.setAttribute("aria-roledescription", "slide")
    frame.setAttribute("aria-label", `${index + 1} of ${count}`)
    frame.append(...slide.childNodes)
    slide.append(frame)
    for (const image of slide.querySelectorAll("img")) {
      image.draggable = false
    }
  })
  list.before(controls)

  const loadAhead = (index) => {
    for (const neighbour of [index - 1, index + 1]) {
      const image = slides[(neighbour + count) % count].querySelector("img")
      if (image) image.loading = "eager"
    }
  }

  const show = (index, moved) => {
    current = (index + count) % count
    slides.forEach((slide, number) => {
      slide.hidden = number !== current
    })
    position.textContent = `${current + 1} of ${count}`
    if (moved) loadAhead(current)
  }

  previous.addEventListener("click", () => show(current - 1, true))
  next.addEventListener("click", () => show(current + 1, true))

  gallery.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    const moves = {
      ArrowLeft: current - 1,
      ArrowRight: current + 1,
      Home: 0,
      End: count - 1,
    }
    if (!(event.key in moves) || event.target.closest("a")) return
    event.preventDefault()
    show(moves[event.key], true)
  })

  // Swipes: a sideways stroke turns the slide; an upright one scrolls the page (touch-action).
  let start = null
  list.addEventListener("pointerdown", (event) => {
    if (event.isPrimary) start = { x: event.clientX, y: event.clientY }
  })
  list.addEventListener("pointercancel", () => {
    start = null
  })
  list.addEventListener("pointerup", (event) => {
    if (!start || !event.isPrimary) return
    const dx = event.clientX - start.x
    const dy = event.clientY - start.y
    start = null
    if (Math.abs(dx) >= SWIPE_DISTANCE && Math.abs(dx) > Math.abs(dy)) {
      show(current + (dx < 0 ? 1 : -1), true)
    }
  })

  show(0, false)
}

document.querySelectorAll(".gallery[data-gallery]").forEach(slideshow)
