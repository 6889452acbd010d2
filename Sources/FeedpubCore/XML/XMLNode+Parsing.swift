import CLibXML2

extension XMLNode {
    /// Parses a whole XML document strictly (no recovery, no network, no
    /// entity expansion from outside) and returns its root element.
    ///
    /// - Throws: ``LibXMLError`` naming `xmlReadMemory` with libxml2's message
    ///   when the bytes are not well-formed XML.
    public static func parse(_ bytes: [UInt8]) throws(LibXMLError) -> XMLNode {
        LibXML.initialize()
        LibXML.resetLastError()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(chars.count), "feed.xml", nil, options)
            }
        }
        let document = try LibXML.check(parsed, "xmlReadMemory")
        defer { xmlFreeDoc(document) }
        let root = try LibXML.check(xmlDocGetRootElement(document), "xmlDocGetRootElement")
        return XMLNode(root)
    }

    private init(_ element: xmlNodePtr) {
        let node = element.pointee
        self.init(name: Self.qualifiedName(node.name, node.ns))
        if let ns = node.ns, let href = ns.pointee.href {
            namespace = String(cString: href)
        }
        var property = node.properties
        while let attribute = property {
            let name = Self.qualifiedName(attribute.pointee.name, attribute.pointee.ns)
            var text = ""
            var value = attribute.pointee.children
            while let part = value {
                if let content = part.pointee.content { text += String(cString: content) }
                value = part.pointee.next
            }
            attributes[name] = text
            property = attribute.pointee.next
        }
        var child = node.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(XMLNode(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            default:
                break
            }
            child = current.pointee.next
        }
    }

    private static func qualifiedName(_ name: UnsafePointer<xmlChar>?, _ ns: xmlNsPtr?) -> String {
        let local = name.map { String(cString: $0) } ?? ""
        guard let prefix = ns?.pointee.prefix else { return local }
        return String(cString: prefix) + ":" + local
    }
}
