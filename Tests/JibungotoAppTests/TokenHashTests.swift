@testable import JibungotoApp
import Testing

/// The stored form of a session id or feed token must not change between versions: a changed
/// hash would sign everyone out and break every subscribed calendar feed.
@Suite("Token hashes are SHA-256 in lowercase hex")
struct TokenHashTests {
    @Test("the published SHA-256 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(token: String, hash: String) {
        #expect(TokenHash.hex(token) == hash)
    }
}
