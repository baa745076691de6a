package dev.qunguan.store;

/** The database could not be opened, migrated, read or written. Messages never carry passwords. */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
