package vn.lantoa.planformat;

import java.util.List;

/**
 * Hình thức tuyên truyền.
 *
 * @param kind  what kind of channel
 * @param title its heading or the phrase that names it
 * @param items what the plan asks for on it, as written
 */
public record Channel(ChannelKind kind, String title, List<String> items) {

    public Channel {
        items = Lists.copy(items);
    }
}
