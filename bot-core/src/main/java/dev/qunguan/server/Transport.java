package dev.qunguan.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks native epoll when it loads on this machine, NIO otherwise. The epoll classes are a runtime-only
 * dependency, so they are reached by name.
 */
record Transport(String name, IoHandlerFactory ioHandlers, Class<? extends ServerChannel> serverChannel) {
    private static final Logger log = LoggerFactory.getLogger(Transport.class);

    static Transport best() {
        try {
            Class<?> epoll = Class.forName("io.netty.channel.epoll.Epoll");
            if (Boolean.TRUE.equals(epoll.getMethod("isAvailable").invoke(null))) {
                IoHandlerFactory factory = (IoHandlerFactory) Class.forName("io.netty.channel.epoll.EpollIoHandler")
                        .getMethod("newFactory")
                        .invoke(null);
                Class<? extends ServerChannel> channel = Class.forName("io.netty.channel.epoll.EpollServerSocketChannel")
                        .asSubclass(ServerChannel.class);
                return new Transport("epoll", factory, channel);
            }
        } catch (ReflectiveOperationException | LinkageError | ClassCastException unavailable) {
            log.debug("Native epoll transport unavailable, using NIO", unavailable);
        }
        return nio();
    }

    static Transport nio() {
        return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
    }
}
