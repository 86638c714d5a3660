package cn.econtract.app.compare;

import java.util.List;

/**
 * How one clause differs between two versions. Positions are 1-based in each version (null when
 * absent there); {@code segments} interleave the old and new text for a side-by-side view.
 */
public record ClauseChange(String key, Kind kind, Integer oldPosition, Integer newPosition, String oldHeading,
                           String newHeading, List<Segment> segments) {

    public enum Kind { UNCHANGED, CHANGED, ADDED, REMOVED, MOVED }
}
