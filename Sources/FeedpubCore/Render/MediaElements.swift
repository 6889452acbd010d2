/// Media RSS (`media:content`, `media:thumbnail`) for a cover image, so that
/// readers which ignore enclosures still show the picture.
enum MediaElements {
    static func write(_ cover: CoverImage, to xml: XMLWriter) throws(LibXMLError) {
        try xml.startElement("media:content")
        try xml.attribute("url", cover.url)
        try xml.attribute("medium", "image")
        if let type = cover.mimeType { try xml.attribute("type", type) }
        try xml.endElement()
        try xml.element("media:thumbnail", ["url": cover.url])
    }
}
