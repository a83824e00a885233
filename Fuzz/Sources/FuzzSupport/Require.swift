/// Stops the run with `message` when a property of the code under test does not hold.
/// `precondition` would also stop it, but a release build drops its message, and the message
/// is what tells a reader of the crash report which property failed.
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
