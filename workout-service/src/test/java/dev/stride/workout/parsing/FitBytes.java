package dev.stride.workout.parsing;

import com.garmin.fit.BufferEncoder;
import com.garmin.fit.DateTime;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.Event;
import com.garmin.fit.EventMesg;
import com.garmin.fit.EventType;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.GarminProduct;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import java.io.ByteArrayOutputStream;

/**
 * FIT files for the decoder's tests: written message by message, byte by byte (any architecture,
 * base type, field size, compressed-timestamp header), or, like the benchmark's file, through the
 * FIT SDK's encoder.
 */
final class FitBytes {

    static final long T0 = 1_000_000_000L; // FIT seconds: 2021-09-09

    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    /** A definition message; {@code fields} are (number, size, base type) triples, {@code developer} (number, size, index). */
    FitBytes define(int local, boolean bigEndian, int global, int[][] fields, int[][] developer) {
        data.write(0x40 | (developer != null ? 0x20 : 0) | local);
        data.write(0);
        data.write(bigEndian ? 1 : 0);
        if (bigEndian) {
            data.write(global >>> 8);
            data.write(global);
        } else {
            data.write(global);
            data.write(global >>> 8);
        }
        data.write(fields.length);
        for (int[] f : fields) {
            data.write(f[0]);
            data.write(f[1]);
            data.write(f[2]);
        }
        if (developer != null) {
            data.write(developer.length);
            for (int[] f : developer) {
                data.write(f[0]);
                data.write(f[1]);
                data.write(f[2]);
            }
        }
        return this;
    }

    FitBytes data(int local, byte[] payload) {
        data.write(local);
        data.writeBytes(payload);
        return this;
    }

    FitBytes compressed(int local, int timeOffset, byte[] payload) {
        data.write(0x80 | local << 5 | (timeOffset & 0x1F));
        data.writeBytes(payload);
        return this;
    }

    /** Header (14 bytes, with its CRC), the messages, the file CRC. */
    byte[] file() {
        byte[] body = data.toByteArray();
        byte[] file = new byte[14 + body.length + 2];
        file[0] = 14;
        file[1] = 0x20;
        file[2] = (byte) 0x08;
        file[3] = (byte) 0x52;
        file[4] = (byte) body.length;
        file[5] = (byte) (body.length >>> 8);
        file[6] = (byte) (body.length >>> 16);
        file[7] = (byte) (body.length >>> 24);
        file[8] = '.';
        file[9] = 'F';
        file[10] = 'I';
        file[11] = 'T';
        int headerCrc = FitCrc.of(file, 0, 12);
        file[12] = (byte) headerCrc;
        file[13] = (byte) (headerCrc >>> 8);
        System.arraycopy(body, 0, file, 14, body.length);
        int crc = FitCrc.of(file, 0, file.length - 2);
        file[file.length - 2] = (byte) crc;
        file[file.length - 1] = (byte) (crc >>> 8);
        return file;
    }

    /** Values of the given sizes one after the other, in the given byte order. */
    static byte[] values(boolean bigEndian, long[][] sizedValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long[] sv : sizedValues) {
            int size = (int) sv[0];
            for (int i = 0; i < size; i++) {
                int shift = 8 * (bigEndian ? size - 1 - i : i);
                out.write((int) (sv[1] >>> shift));
            }
        }
        return out.toByteArray();
    }

    /**
     * An activity like the benchmark's ({@code WorkoutFiles.fit}): written by the FIT SDK's encoder,
     * records with enhanced altitude and speed, distance, heart rate, cadence and temperature (some
     * of them absent now and then, so the encoder writes new definitions), laps, timer events, a
     * session.
     */
    static byte[] sdkActivity(int points) {
        BufferEncoder encoder = new BufferEncoder(Fit.ProtocolVersion.V2_0);
        FileIdMesg fileId = new FileIdMesg();
        fileId.setType(File.ACTIVITY);
        fileId.setManufacturer(Manufacturer.GARMIN);
        fileId.setProduct(GarminProduct.EDGE_530);
        fileId.setSerialNumber(3312345678L);
        fileId.setTimeCreated(new DateTime(T0));
        encoder.write(fileId);
        DeviceInfoMesg device = new DeviceInfoMesg();
        device.setTimestamp(new DateTime(T0));
        device.setDeviceIndex((short) 0);
        device.setManufacturer(Manufacturer.GARMIN);
        device.setProduct(GarminProduct.EDGE_530);
        encoder.write(device);
        encoder.write(event(T0, EventType.START));
        int lapStart = 0;
        double distance = 0;
        for (int i = 0; i < points; i++) {
            RecordMesg r = new RecordMesg();
            r.setTimestamp(new DateTime(T0 + i));
            double lat = 46.5 + 0.01 * Math.sin(i / 300.0);
            double lon = 6.6 + 0.01 * Math.cos(i / 300.0);
            r.setPositionLat((int) Math.round(lat * 2147483648.0 / 180.0));
            r.setPositionLong((int) Math.round(lon * 2147483648.0 / 180.0));
            if (i % 97 != 5) {
                r.setEnhancedAltitude((float) (400 + 30 * Math.sin(i / 700.0)));
            }
            float speed = (float) (6 + 2 * Math.sin(i / 50.0));
            distance += speed;
            r.setDistance((float) distance);
            r.setEnhancedSpeed(speed);
            if (i % 113 != 7) {
                r.setHeartRate((short) (120 + (i % 40)));
            }
            r.setCadence((short) (80 + (i % 15)));
            if (i % 500 < 400) {
                r.setTemperature((byte) (18 + (i / 1000) % 5));
            }
            if (i % 3 == 0) {
                r.setPower(150 + (i % 90));
            }
            encoder.write(r);
            if (i % 1000 == 999 || i == points - 1) {
                LapMesg lap = new LapMesg();
                lap.setTimestamp(new DateTime(T0 + i));
                lap.setStartTime(new DateTime(T0 + lapStart));
                lap.setTotalElapsedTime((float) (i - lapStart));
                lap.setTotalTimerTime((float) (i - lapStart));
                lap.setAvgHeartRate((short) 140);
                encoder.write(lap);
                lapStart = i + 1;
            }
            if (i == points / 2) {
                encoder.write(event(T0 + i, EventType.STOP_ALL));
                encoder.write(event(T0 + i + 30, EventType.START));
            }
        }
        encoder.write(event(T0 + points - 1, EventType.STOP_ALL));
        SessionMesg session = new SessionMesg();
        session.setTimestamp(new DateTime(T0 + points - 1));
        session.setStartTime(new DateTime(T0));
        session.setSport(Sport.CYCLING);
        session.setTotalElapsedTime((float) (points - 1));
        session.setTotalTimerTime((float) (points - 31));
        session.setTotalDistance((float) distance);
        encoder.write(session);
        return encoder.close();
    }

    private static EventMesg event(long time, EventType type) {
        EventMesg e = new EventMesg();
        e.setTimestamp(new DateTime(time));
        e.setEvent(Event.TIMER);
        e.setEventType(type);
        return e;
    }
}
