package dev.stride.workout.parsing;

import com.garmin.fit.DateTime;
import com.garmin.fit.Decode;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.Event;
import com.garmin.fit.EventMesg;
import com.garmin.fit.EventType;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.GarminProduct;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.Mesg;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.MesgListener;
import com.garmin.fit.MesgNum;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SportMesg;
import dev.stride.workout.workouts.Sport;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * FIT activity files: {@code record} messages through Stride's {@link FitRecordDecoder}, everything
 * else through the Garmin FIT SDK ({@code com.garmin:fit}), which also decodes a whole file the
 * decoder does not cover (ADR 0013). The file's length and CRC are checked before decoding, so
 * truncated and damaged files fail with their own reason.
 * Read: {@code record} (points), {@code lap}, {@code session} (one {@link ParsedSession} each;
 * points are assigned to a session by time), {@code event} timer stop/start (→
 * {@link TimerPause}), {@code sport}, {@code file_id} and the creator's {@code device_info}.
 *
 * <p>Multisport: every session is exposed; the activity's top-level sport is the session's sport
 * when there is one session (or all share a sport), else {@link Sport#OTHER} with file sport
 * "multisport", and the top-level totals are the sums over sessions.
 */
final class FitReader {

    private static final double SEMICIRCLE_TO_DEGREES = 180.0 / 2147483648.0;

    private final ParserLimits limits;
    private final TrackPointsBuilder points;
    private final List<LapMesg> lapMesgs = new ArrayList<>();
    private final List<SessionMesg> sessionMesgs = new ArrayList<>();
    private final List<TimerPause> pauses = new ArrayList<>();
    private String manufacturer;
    private String model;
    private String sportMesgSport;
    private String sportMesgSubSport;
    private String fileType;
    private Long pauseStart;

    private FitReader(ParserLimits limits) {
        this.limits = limits;
        this.points = new TrackPointsBuilder(limits.maxPoints());
    }

    static boolean looksLikeFit(byte[] head, int n) {
        return looksLikeFit(head, 0, n);
    }

    /** A FIT header (size 12 or 14, ".FIT" at offset 8) at {@code offset}, within the first {@code end} bytes. */
    private static boolean looksLikeFit(byte[] b, int offset, int end) {
        return end - offset >= 12 && (b[offset] == 12 || b[offset] == 14) && b[offset + 8] == '.'
                && b[offset + 9] == 'F' && b[offset + 10] == 'I' && b[offset + 11] == 'T';
    }

    /**
     * The activity of a FIT file (or chain of FIT files) held in memory. The records are decoded by
     * {@link FitRecordDecoder} and the other messages by the FIT SDK; when the decoder does not
     * cover something in the file, or anything fails on the way, the FIT SDK decodes the whole file
     * as {@link #readWithSdk} does, so a failure has the SDK's reason and message.
     */
    static ParsedActivity read(byte[] file, ParserLimits limits) {
        checkStructure(file);
        FitReader fast = new FitReader(limits);
        if (fast.decodeSplit(file)) {
            return fast.finish();
        }
        FitReader sdk = new FitReader(limits);
        sdk.decodeWithSdk(file);
        return sdk.finish();
    }

    /** The FIT SDK alone decodes the whole file: the reference {@link #read} is tested against. */
    static ParsedActivity readWithSdk(byte[] file, ParserLimits limits) {
        checkStructure(file);
        FitReader sdk = new FitReader(limits);
        sdk.decodeWithSdk(file);
        return sdk.finish();
    }

    /** Whether {@link #read} decodes the file's records with {@link FitRecordDecoder} (for tests: no silent fallback). */
    static boolean decodesRecordsItself(byte[] file, ParserLimits limits) {
        checkStructure(file);
        return new FitReader(limits).decodeSplit(file);
    }

    /**
     * Records through {@link FitRecordDecoder}, the rest through the SDK; false when the SDK has to
     * decode the whole file instead (then nothing of this reader is used).
     */
    private boolean decodeSplit(byte[] file) {
        try {
            FitRecordDecoder records = FitRecordDecoder.split(file);
            if (records == null || records.recordCount() > limits.maxPoints()) {
                return false;
            }
            points.reserve(records.recordCount());
            records.decodeRecords(points);
            decodeWithSdk(records.otherMessages());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void decodeWithSdk(byte[] file) {
        Decode decode = new Decode();
        MesgBroadcaster broadcaster = new MesgBroadcaster(decode);
        broadcaster.addListener((FileIdMesg m) -> onFileId(m));
        broadcaster.addListener((DeviceInfoMesg m) -> onDeviceInfo(m));
        broadcaster.addListener((LapMesg m) -> lapMesgs.add(m));
        broadcaster.addListener((SessionMesg m) -> sessionMesgs.add(m));
        broadcaster.addListener((EventMesg m) -> onEvent(m));
        broadcaster.addListener((SportMesg m) -> {
            sportMesgSport = m.getSport() == null ? null : m.getSport().name().toLowerCase(Locale.ROOT);
            sportMesgSubSport = m.getSubSport() == null ? null : m.getSubSport().name().toLowerCase(Locale.ROOT);
        });
        try {
            // records (nearly all messages of a file) are read from the decoded message itself; the
            // broadcaster would first copy each, field by field, into a RecordMesg
            MesgListener messages = m -> {
                if (m.getNum() == MesgNum.RECORD) {
                    onRecord(m);
                } else {
                    broadcaster.onMesg(m);
                }
            };
            decode.read(new ByteArrayInputStream(file), messages, broadcaster);
        } catch (WorkoutFileException e) {
            throw e;
        } catch (FitRuntimeException e) {
            if (e.getCause() instanceof WorkoutFileException w) {
                throw w;
            }
            throw new WorkoutFileException(WorkoutFileException.Reason.CORRUPT,
                    "The FIT file is damaged and could not be decoded", e);
        } catch (RuntimeException e) {
            throw new WorkoutFileException(WorkoutFileException.Reason.CORRUPT,
                    "The FIT file is damaged and could not be decoded (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private ParsedActivity finish() {
        if (pauseStart != null) {
            pauses.add(new TimerPause(pauseStart, Long.MAX_VALUE));
        }
        if (points.size() == 0 && sessionMesgs.isEmpty()) {
            throw new WorkoutFileException(WorkoutFileException.Reason.NOT_AN_ACTIVITY,
                    fileType != null && !fileType.equals("activity")
                            ? "The FIT file is a " + fileType.replace('_', ' ') + " file, not an activity"
                            : "The FIT file contains no activity data");
        }
        TrackPoints track = points.build(true);
        return assemble(track);
    }

    /**
     * Header, declared length and CRC of every FIT file in the byte array (a FIT file may be a
     * chain of several), so that truncation and corruption have their own messages. The CRC is
     * computed over the bytes already in memory; the FIT SDK's {@code Decode.checkFileIntegrity}
     * would decode the whole file a second time to find the same answer (a third of the FIT
     * parse time, docs/performance.md).
     */
    static void checkStructure(byte[] file) {
        int offset = 0;
        while (offset < file.length) {
            int remaining = file.length - offset;
            if (offset > 0 && !looksLikeFit(file, offset, file.length)) {
                throw new WorkoutFileException(WorkoutFileException.Reason.CORRUPT,
                        "The FIT file is damaged: " + remaining + " bytes after its end are not a FIT file");
            }
            int headerSize = file[offset] & 0xFF;
            if (remaining < headerSize) {
                throw new WorkoutFileException(WorkoutFileException.Reason.TRUNCATED, "The FIT file is truncated");
            }
            long dataSize = (file[offset + 4] & 0xFFL) | (file[offset + 5] & 0xFFL) << 8
                    | (file[offset + 6] & 0xFFL) << 16 | (file[offset + 7] & 0xFFL) << 24;
            if (dataSize == 0) {
                throw new WorkoutFileException(WorkoutFileException.Reason.EMPTY_FILE,
                        "The FIT file is empty: its header declares no data (the recording was probably never finished)");
            }
            long length = headerSize + dataSize + 2;
            if (remaining < length) {
                throw new WorkoutFileException(WorkoutFileException.Reason.TRUNCATED,
                        "The FIT file is truncated: it declares " + (offset + length) + " bytes but has " + file.length);
            }
            if (FitCrc.of(file, offset, offset + (int) length) != 0) {
                throw new WorkoutFileException(WorkoutFileException.Reason.CORRUPT,
                        "The FIT file is damaged: its checksum (CRC) does not match the content");
            }
            offset += (int) length;
        }
    }

    private void onFileId(FileIdMesg m) {
        if (m.getType() != null) {
            fileType = m.getType().name().toLowerCase(Locale.ROOT);
        }
        if (manufacturer == null && m.getManufacturer() != null) {
            manufacturer = Manufacturer.getStringFromValue(m.getManufacturer());
            if (manufacturer == null || manufacturer.isEmpty()) {
                manufacturer = "manufacturer " + m.getManufacturer();
            }
        }
        if (model == null) {
            model = productName(m.getManufacturer(), m.getProduct(), m.getProductName());
        }
    }

    private void onDeviceInfo(DeviceInfoMesg m) {
        Short index = m.getDeviceIndex();
        if (index != null && index == 0) {
            String name = productName(m.getManufacturer(), m.getProduct(), m.getProductName());
            if (model == null && name != null) {
                model = name;
            }
        }
    }

    private static String productName(Integer manufacturerId, Integer product, String productName) {
        if (productName != null && !productName.isBlank()) {
            return productName.trim();
        }
        if (product == null) {
            return null;
        }
        if (manufacturerId != null && (manufacturerId == Manufacturer.GARMIN || manufacturerId == Manufacturer.DYNASTREAM
                || manufacturerId == Manufacturer.DYNASTREAM_OEM || manufacturerId == Manufacturer.TACX)) {
            String garmin = GarminProduct.getStringFromValue(product);
            if (garmin != null && !garmin.isEmpty()) {
                return garmin;
            }
        }
        return "product " + product;
    }

    private void onEvent(EventMesg m) {
        if (m.getEvent() != Event.TIMER || m.getTimestamp() == null) {
            return;
        }
        long t = millis(m.getTimestamp());
        EventType type = m.getEventType();
        if (type == EventType.STOP || type == EventType.STOP_ALL || type == EventType.STOP_DISABLE
                || type == EventType.STOP_DISABLE_ALL) {
            if (pauseStart == null) {
                pauseStart = t;
            }
        } else if (type == EventType.START) {
            if (pauseStart != null) {
                if (t > pauseStart) {
                    pauses.add(new TimerPause(pauseStart, t));
                }
                pauseStart = null;
            }
        }
    }

    private void onRecord(Mesg m) {
        Long timestamp = m.getFieldLongValue(RecordMesg.TimestampFieldNum, 0, Fit.SUBFIELD_INDEX_MAIN_FIELD);
        long t = timestamp == null ? TrackPoints.NO_TIME : millis(m.timestampToDateTime(timestamp));
        Integer la = m.getFieldIntegerValue(RecordMesg.PositionLatFieldNum, 0, Fit.SUBFIELD_INDEX_MAIN_FIELD);
        Integer lo = m.getFieldIntegerValue(RecordMesg.PositionLongFieldNum, 0, Fit.SUBFIELD_INDEX_MAIN_FIELD);
        double lat = la == null || lo == null ? Double.NaN : la * SEMICIRCLE_TO_DEGREES;
        double lon = la == null || lo == null ? Double.NaN : lo * SEMICIRCLE_TO_DEGREES;
        if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
            lat = Double.NaN;
            lon = Double.NaN;
        }
        Float alt = floatField(m, RecordMesg.EnhancedAltitudeFieldNum);
        if (alt == null) {
            alt = floatField(m, RecordMesg.AltitudeFieldNum);
        }
        Float speed = floatField(m, RecordMesg.EnhancedSpeedFieldNum);
        if (speed == null) {
            speed = floatField(m, RecordMesg.SpeedFieldNum);
        }
        Float distance = floatField(m, RecordMesg.DistanceFieldNum);
        points.add(t, lat, lon, f(alt), distance == null ? Double.NaN : distance,
                f(m.getFieldShortValue(RecordMesg.HeartRateFieldNum, 0, Fit.SUBFIELD_INDEX_MAIN_FIELD)),
                f(m.getFieldShortValue(RecordMesg.CadenceFieldNum, 0, Fit.SUBFIELD_INDEX_MAIN_FIELD)),
                f(m.getFieldIntegerValue(RecordMesg.PowerFieldNum, 0, Fit.SUBFIELD_INDEX_MAIN_FIELD)),
                f(m.getFieldByteValue(RecordMesg.TemperatureFieldNum, 0, Fit.SUBFIELD_INDEX_MAIN_FIELD)), f(speed));
    }

    private static Float floatField(Mesg m, int field) {
        return m.getFieldFloatValue(field, 0, Fit.SUBFIELD_INDEX_MAIN_FIELD);
    }

    private static float f(Number n) {
        return n == null ? Float.NaN : n.floatValue();
    }

    private static long millis(DateTime t) {
        return t.getDate().getTime();
    }

    private static Double d(Number n) {
        return n == null ? null : n.doubleValue();
    }

    private ParsedActivity assemble(TrackPoints track) {
        List<ParsedLap> laps = new ArrayList<>();
        for (LapMesg l : lapMesgs) {
            Instant start = l.getStartTime() == null ? null : Instant.ofEpochMilli(millis(l.getStartTime()));
            laps.add(new ParsedLap(start, new DeviceTotals(d(l.getTotalDistance()), d(l.getTotalElapsedTime()),
                    d(l.getTotalTimerTime()), d(l.getTotalCalories()), d(l.getTotalAscent()), d(l.getTotalDescent())),
                    d(l.getAvgHeartRate()), d(l.getMaxHeartRate())));
        }
        laps.sort(Comparator.comparing(ParsedLap::startTime, Comparator.nullsLast(Comparator.naturalOrder())));
        List<ParsedSession> sessions = new ArrayList<>();
        List<SessionMesg> ordered = new ArrayList<>(sessionMesgs);
        long firstRecord = track.size() > 0 ? track.time(0) : TrackPoints.NO_TIME;
        ordered.removeIf(s -> sessionStart(s, firstRecord) == TrackPoints.NO_TIME);
        ordered.sort(Comparator.comparingLong(s -> sessionStart(s, firstRecord)));
        for (int k = 0; k < ordered.size(); k++) {
            SessionMesg s = ordered.get(k);
            long start = sessionStart(s, firstRecord);
            long end = s.getTimestamp() != null ? millis(s.getTimestamp())
                    : s.getTotalElapsedTime() != null ? start + Math.round(s.getTotalElapsedTime() * 1000) : Long.MAX_VALUE;
            if (k + 1 < ordered.size()) {
                end = Math.min(end, sessionStart(ordered.get(k + 1), firstRecord));
            }
            int first = track.firstAtOrAfter(start);
            int last = track.firstAtOrAfter(end == Long.MAX_VALUE ? end
                    : k + 1 < ordered.size() && end == sessionStart(ordered.get(k + 1), firstRecord) ? end : end + 1);
            if (k + 1 == ordered.size() && sessions.isEmpty() && first == 0) {
                last = Math.max(last, track.size());
            }
            String sport = s.getSport() == null ? sportMesgSport : s.getSport().name().toLowerCase(Locale.ROOT);
            String sub = s.getSubSport() == null ? sportMesgSubSport : s.getSubSport().name().toLowerCase(Locale.ROOT);
            sessions.add(new ParsedSession(SportNames.fromFit(sport, sub), fileSport(sport, sub), Instant.ofEpochMilli(start),
                    end == Long.MAX_VALUE ? null : Instant.ofEpochMilli(end), first, last,
                    new DeviceTotals(d(s.getTotalDistance()), d(s.getTotalElapsedTime()), d(s.getTotalTimerTime()),
                            d(s.getTotalCalories()), d(s.getTotalAscent()), d(s.getTotalDescent()))));
        }
        if (track.size() == 0 && sessions.isEmpty()) {
            // records without a timestamp are dropped, and no session says when it started
            throw track.size() < points.stats().pointsRead()
                    ? new WorkoutFileException(WorkoutFileException.Reason.NO_TIMESTAMPS, "The FIT file's records have no timestamps")
                    : new WorkoutFileException(WorkoutFileException.Reason.NOT_AN_ACTIVITY, "The FIT file contains no activity data");
        }
        Instant firstTime = track.size() > 0 ? Instant.ofEpochMilli(track.time(0)) : sessions.get(0).startTime();
        if (sessions.isEmpty()) {
            Instant last = Instant.ofEpochMilli(track.time(track.size() - 1));
            sessions.add(new ParsedSession(SportNames.fromFit(sportMesgSport, sportMesgSubSport),
                    fileSport(sportMesgSport, sportMesgSubSport), firstTime, last, 0, track.size(), DeviceTotals.NONE));
        }
        Sport sport;
        String fileSport;
        DeviceTotals totals;
        if (sessions.size() == 1 || sessions.stream().map(ParsedSession::sport).distinct().count() == 1) {
            sport = sessions.get(0).sport();
            fileSport = sessions.get(0).fileSport();
        } else {
            sport = Sport.OTHER;
            fileSport = "multisport";
        }
        totals = sessions.size() == 1 ? sessions.get(0).totals() : sum(sessions);
        Instant start = sessions.get(0).startTime().isBefore(firstTime) ? sessions.get(0).startTime() : firstTime;
        return new ParsedActivity(FileFormat.FIT, sport, fileSport, start, manufacturer, model, track, laps, sessions,
                totals, pauses, points.stats());
    }

    /** start_time; else timestamp − total_elapsed_time; else the first record (Zwift writes sessions without start_time). */
    private static long sessionStart(SessionMesg s, long firstRecord) {
        if (s.getStartTime() != null) {
            return millis(s.getStartTime());
        }
        if (s.getTimestamp() != null && s.getTotalElapsedTime() != null) {
            return millis(s.getTimestamp()) - Math.round(s.getTotalElapsedTime() * 1000);
        }
        return firstRecord;
    }

    private static String fileSport(String sport, String sub) {
        if (sport == null) {
            return null;
        }
        return sub == null || sub.equals("generic") ? sport : sport + "/" + sub;
    }

    private static DeviceTotals sum(List<ParsedSession> sessions) {
        Double[] acc = new Double[6];
        for (ParsedSession s : sessions) {
            DeviceTotals t = s.totals();
            Double[] v = {t.distance(), t.elapsedTime(), t.timerTime(), t.calories(), t.ascent(), t.descent()};
            for (int i = 0; i < 6; i++) {
                if (v[i] != null) {
                    acc[i] = (acc[i] == null ? 0 : acc[i]) + v[i];
                }
            }
        }
        return new DeviceTotals(acc[0], acc[1], acc[2], acc[3], acc[4], acc[5]);
    }
}
