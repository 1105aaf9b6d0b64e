package dev.socratic.telegram;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The Bot API base URL. The library only knows scheme, host and port, so a base URL with a path
 * (a proxy at {@code https://host/telegram}) gets that path put in front of every call.
 */
final class ApiEndpoint {

    private final URI base;

    ApiEndpoint(URI base) {
        this.base = base;
    }

    TelegramUrl telegramUrl() {
        int port = base.getPort() != -1 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        return new TelegramUrl(base.getScheme(), base.getHost(), port, false);
    }

    /** Long polling waits up to 50 s for updates, so reads may take that long; connecting may not. */
    OkHttpClient httpClient() {
        var builder = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(75))
                .writeTimeout(Duration.ofSeconds(30));
        var prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        if (!prefix.isEmpty()) {
            builder.addInterceptor(new PathPrefix(prefix));
        }
        return builder.build();
    }

    private record PathPrefix(String prefix) implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            var request = chain.request();
            HttpUrl url = request.url().newBuilder().encodedPath(prefix + request.url().encodedPath()).build();
            return chain.proceed(request.newBuilder().url(url).build());
        }
    }
}
