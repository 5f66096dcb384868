/*
 * The image form's focal point picker (media.admin.focal_point_picker).
 * Clicking the picture moves the marker there and writes the point into the
 * focal point inputs, as fractions of the picture with three decimals; typing
 * in the inputs moves the marker too. The crop previews show, as they change,
 * the crops that media.renditions will make around the point. On a new image
 * the chosen file is shown before it is uploaded.
 */
const DECIMALS = 3

const clamp = (value) => Math.min(1, Math.max(0, value))

// The CSS object-position that shows, in a box of the given ratio, the crop
// media.renditions makes: the largest box of that shape centred on the focal
// point, moved back inside the picture where it would cross an edge.
function cropPosition(picture, [ratioWidth, ratioHeight], point) {
  const width = picture.naturalWidth
  const height = picture.naturalHeight
  let cropWidth = width
  let cropHeight = (width * ratioHeight) / ratioWidth
  if (cropHeight > height) {
    cropWidth = (height * ratioWidth) / ratioHeight
    cropHeight = height
  }
  const offset = (focus, size, crop) =>
    size > crop ? clamp((focus * size - crop / 2) / (size - crop)) : 0.5
  const x = offset(point.x, width, cropWidth) * 100
  const y = offset(point.y, height, cropHeight) * 100
  return `${x.toFixed(1)}% ${y.toFixed(1)}%`
}

function setUpPicker(picker) {
  const inputX = document.getElementById(picker.dataset.xInput)
  const inputY = document.getElementById(picker.dataset.yInput)
  const fileInput = document.getElementById(picker.dataset.fileInput)
  const empty = picker.querySelector(".metro-focal__empty")
  const stage = picker.querySelector(".metro-focal__stage")
  const picture = picker.querySelector(".metro-focal__picture")
  const marker = picker.querySelector(".metro-focal__marker")
  const crops = [...picker.querySelectorAll(".metro-crop img")]
  let chosenFileUrl = null

  // The point in the inputs, or null while what is typed there is not one.
  function typedPoint() {
    if (!inputX || !inputY || inputX.value === "" || inputY.value === "") return null
    const x = Number(inputX.value)
    const y = Number(inputY.value)
    const inPicture = (value) => value >= 0 && value <= 1
    return inPicture(x) && inPicture(y) ? { x, y } : null
  }

  function show(point) {
    marker.style.left = `${(point.x * 100).toFixed(1)}%`
    marker.style.top = `${(point.y * 100).toFixed(1)}%`
    if (!picture.naturalWidth) return
    for (const crop of crops) {
      const ratio = crop.dataset.ratio.split(" ").map(Number)
      crop.style.objectPosition = cropPosition(picture, ratio, point)
    }
  }

  function showPicture(visible) {
    stage.hidden = !visible
    empty.hidden = visible
    if (visible) show(typedPoint() ?? { x: 0.5, y: 0.5 })
  }

  picture.addEventListener("load", () => showPicture(true))
  picture.addEventListener("error", () => showPicture(false))
  if (picture.complete && picture.naturalWidth) showPicture(true)

  // Editors who may only view the image have no inputs to set.
  if (inputX && inputY) {
    picture.classList.add("metro-focal__picture--settable")
    picture.addEventListener("click", (event) => {
      const box = picture.getBoundingClientRect()
      const point = {
        x: clamp((event.clientX - box.left) / box.width),
        y: clamp((event.clientY - box.top) / box.height),
      }
      inputX.value = point.x.toFixed(DECIMALS)
      inputY.value = point.y.toFixed(DECIMALS)
      show(point)
    })
    for (const input of [inputX, inputY]) {
      input.addEventListener("input", () => {
        const point = typedPoint()
        if (point) show(point)
      })
    }
  }

  fileInput?.addEventListener("change", () => {
    const [file] = fileInput.files
    if (!file) return
    if (chosenFileUrl) URL.revokeObjectURL(chosenFileUrl)
    chosenFileUrl = URL.createObjectURL(file)
    for (const image of [picture, ...crops]) image.src = chosenFileUrl
  })
}

for (const picker of document.querySelectorAll("[data-focal-point]")) setUpPicker(picker)
