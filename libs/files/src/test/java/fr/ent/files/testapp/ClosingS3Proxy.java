package fr.ent.files.testapp;

import fr.ent.testservers.S3Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;

/**
 * A TCP relay in front of the real S3 server that, once armed, closes the next connection on which
 * the client sends bytes, before they reach the server: what a kept-alive connection the server
 * closed looks like to the client that reuses it.
 */
public class ClosingS3Proxy extends S3Resource {

    /**
     * Armed by a test (set to anything); removed by the first connection it closes. A system property
     * because the test and this resource may live in different class loaders.
     */
    public static final String CLOSE_NEXT = "ent.test.s3-proxy.close-next";
    private static ServerSocket listener;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String upstream = config.get("quarkus.s3.endpoint-override");
        int upstreamPort = Integer.parseInt(upstream.substring(upstream.lastIndexOf(':') + 1));
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        daemon(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                    daemon(() -> relay(client, server, true));
                    daemon(() -> relay(server, client, false));
                } catch (IOException e) {
                    return;
                }
            }
        });
        String endpoint = "http://127.0.0.1:" + listener.getLocalPort();
        config.put("quarkus.s3.endpoint-override", endpoint);
        config.put("ent.files.public-endpoint", endpoint);
        return config;
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "closing-s3-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private static void relay(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16 * 1024];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (fromClient && System.getProperties().remove(CLOSE_NEXT) != null) return;
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed: both sockets close with the try
        }
    }

    @Override
    public void stop() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
