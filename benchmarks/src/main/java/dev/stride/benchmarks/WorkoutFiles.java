package dev.stride.benchmarks;

import com.garmin.fit.Activity;
import com.garmin.fit.ActivityMesg;
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
import com.garmin.fit.SubSport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

/**
 * Writes a {@link SyntheticTrack} the way devices and their platforms write it: GPX 1.1 in the
 * layout of a Garmin Connect export (TrackPointExtension v1 with atemp, hr, cad), TCX v2 in the
 * layout of a Garmin export (one Lap per pass, DistanceMeters, HeartRateBpm, Cadence, TPX Speed),
 * and a FIT activity encoded with the Garmin FIT SDK ({@code file_id}, {@code device_info}, timer
 * events, a {@code record} per point, a {@code lap} per pass, {@code session}, {@code activity}).
 * Road cycling in all three.
 */
public final class WorkoutFiles {

    /** 45 calories-ish per 10 minutes of riding: 7.5 MET × 70 kg (only so that laps carry a value). */
    private static final double KCAL_PER_SECOND = 7.5 * 70 / 3600.0;

    private WorkoutFiles() {
    }

    public static byte[] gpx(SyntheticTrack t) {
        StringBuilder b = new StringBuilder(t.size * 340 + 1024);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<gpx creator=\"Garmin Connect\" version=\"1.1\"\n")
                .append("  xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/11.xsd\"\n")
                .append("  xmlns:ns3=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"\n")
                .append("  xmlns=\"http://www.topografix.com/GPX/1/1\"\n")
                .append("  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append("xmlns:ns2=\"http://www.garmin.com/xmlschemas/GpxExtensions/v3\">\n")
                .append("  <metadata>\n    <link href=\"connect.garmin.com\">\n      <text>Garmin Connect</text>\n")
                .append("    </link>\n    <time>").append(iso(t.time[0])).append("</time>\n  </metadata>\n")
                .append("  <trk>\n    <name>Stride benchmark (").append(t.sourceName).append(", back and forth)</name>\n")
                .append("    <type>road_biking</type>\n    <trkseg>\n");
        for (int i = 0; i < t.size; i++) {
            b.append("      <trkpt lat=\"").append(t.lat[i]).append("\" lon=\"").append(t.lon[i]).append("\">\n");
            if (!Float.isNaN(t.elevation[i])) {
                b.append("        <ele>").append(t.elevation[i]).append("</ele>\n");
            }
            b.append("        <time>").append(iso(t.time[i])).append("</time>\n");
            boolean temp = !Float.isNaN(t.temperature[i]);
            boolean hr = !Float.isNaN(t.heartRate[i]);
            boolean cad = !Float.isNaN(t.cadence[i]);
            if (temp || hr || cad) {
                b.append("        <extensions>\n          <ns3:TrackPointExtension>\n");
                if (temp) {
                    b.append("            <ns3:atemp>").append(t.temperature[i]).append("</ns3:atemp>\n");
                }
                if (hr) {
                    b.append("            <ns3:hr>").append(Math.round(t.heartRate[i])).append("</ns3:hr>\n");
                }
                if (cad) {
                    b.append("            <ns3:cad>").append(Math.round(t.cadence[i])).append("</ns3:cad>\n");
                }
                b.append("          </ns3:TrackPointExtension>\n        </extensions>\n");
            }
            b.append("      </trkpt>\n");
        }
        b.append("    </trkseg>\n  </trk>\n</gpx>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] tcx(SyntheticTrack t) {
        StringBuilder b = new StringBuilder(t.size * 420 + 4096);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<TrainingCenterDatabase xsi:schemaLocation=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 ")
                .append("http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd\" ")
                .append("xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\" ")
                .append("xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n")
                .append(" <Activities>\n  <Activity Sport=\"Biking\">\n   <Id>").append(iso(t.time[0])).append("</Id>\n");
        for (int lap = 0; lap < t.lapStarts.length; lap++) {
            int from = t.lapStarts[lap];
            int to = lap + 1 < t.lapStarts.length ? t.lapStarts[lap + 1] : t.size;
            LapTotals l = LapTotals.of(t, from, to);
            b.append("   <Lap StartTime=\"").append(iso(t.time[from])).append("\">\n")
                    .append("    <TotalTimeSeconds>").append(l.seconds).append("</TotalTimeSeconds>\n")
                    .append("    <DistanceMeters>").append(round1(l.distance)).append("</DistanceMeters>\n")
                    .append("    <MaximumSpeed>").append(round1(l.maxSpeed)).append("</MaximumSpeed>\n")
                    .append("    <Calories>").append(l.calories).append("</Calories>\n");
            if (l.hrCount > 0) {
                b.append("    <AverageHeartRateBpm>\n     <Value>").append(Math.round(l.hrSum / l.hrCount))
                        .append("</Value>\n    </AverageHeartRateBpm>\n")
                        .append("    <MaximumHeartRateBpm>\n     <Value>").append(Math.round(l.hrMax))
                        .append("</Value>\n    </MaximumHeartRateBpm>\n");
            }
            b.append("    <Intensity>Active</Intensity>\n    <TriggerMethod>Manual</TriggerMethod>\n    <Track>\n");
            for (int i = from; i < to; i++) {
                b.append("     <Trackpoint>\n      <Time>").append(iso(t.time[i])).append("</Time>\n")
                        .append("      <Position>\n       <LatitudeDegrees>").append(t.lat[i])
                        .append("</LatitudeDegrees>\n       <LongitudeDegrees>").append(t.lon[i])
                        .append("</LongitudeDegrees>\n      </Position>\n");
                if (!Float.isNaN(t.elevation[i])) {
                    b.append("      <AltitudeMeters>").append(t.elevation[i]).append("</AltitudeMeters>\n");
                }
                b.append("      <DistanceMeters>").append(round1(t.distance[i])).append("</DistanceMeters>\n");
                if (!Float.isNaN(t.heartRate[i])) {
                    b.append("      <HeartRateBpm>\n       <Value>").append(Math.round(t.heartRate[i]))
                            .append("</Value>\n      </HeartRateBpm>\n");
                }
                if (!Float.isNaN(t.cadence[i])) {
                    b.append("      <Cadence>").append(Math.round(t.cadence[i])).append("</Cadence>\n");
                }
                b.append("      <Extensions>\n       <ns3:TPX>\n        <ns3:Speed>").append(round1(t.speed[i]))
                        .append("</ns3:Speed>\n       </ns3:TPX>\n      </Extensions>\n     </Trackpoint>\n");
            }
            b.append("    </Track>\n   </Lap>\n");
        }
        b.append("   <Creator xsi:type=\"Device_t\">\n    <Name>Edge 530</Name>\n    <UnitId>3312345678</UnitId>\n")
                .append("    <ProductID>3121</ProductID>\n   </Creator>\n  </Activity>\n </Activities>\n</TrainingCenterDatabase>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] fit(SyntheticTrack t) {
        BufferEncoder encoder = new BufferEncoder(Fit.ProtocolVersion.V2_0);
        DateTime start = dateTime(t.time[0]);
        DateTime end = dateTime(t.time[t.size - 1]);

        FileIdMesg fileId = new FileIdMesg();
        fileId.setType(File.ACTIVITY);
        fileId.setManufacturer(Manufacturer.GARMIN);
        fileId.setProduct(GarminProduct.EDGE_530);
        fileId.setSerialNumber(3312345678L);
        fileId.setTimeCreated(start);
        encoder.write(fileId);

        DeviceInfoMesg device = new DeviceInfoMesg();
        device.setTimestamp(start);
        device.setDeviceIndex((short) 0);
        device.setManufacturer(Manufacturer.GARMIN);
        device.setProduct(GarminProduct.EDGE_530);
        device.setSerialNumber(3312345678L);
        encoder.write(device);

        EventMesg startEvent = new EventMesg();
        startEvent.setTimestamp(start);
        startEvent.setEvent(Event.TIMER);
        startEvent.setEventType(EventType.START);
        encoder.write(startEvent);

        double hrSum = 0;
        int hrCount = 0;
        float hrMax = 0;
        int calories = 0;
        int lap = 0;
        for (int i = 0; i < t.size; i++) {
            RecordMesg r = new RecordMesg();
            r.setTimestamp(dateTime(t.time[i]));
            r.setPositionLat(semicircles(t.lat[i]));
            r.setPositionLong(semicircles(t.lon[i]));
            if (!Float.isNaN(t.elevation[i])) {
                r.setEnhancedAltitude(t.elevation[i]);
            }
            r.setDistance((float) t.distance[i]);
            r.setEnhancedSpeed(t.speed[i]);
            if (!Float.isNaN(t.heartRate[i])) {
                r.setHeartRate((short) Math.round(t.heartRate[i]));
            }
            if (!Float.isNaN(t.cadence[i])) {
                r.setCadence((short) Math.round(t.cadence[i]));
            }
            if (!Float.isNaN(t.temperature[i])) {
                r.setTemperature((byte) Math.round(t.temperature[i]));
            }
            encoder.write(r);
            int lapEnd = lap + 1 < t.lapStarts.length ? t.lapStarts[lap + 1] : t.size;
            if (i == lapEnd - 1) {
                LapTotals l = LapTotals.of(t, t.lapStarts[lap], lapEnd);
                LapMesg m = new LapMesg();
                m.setMessageIndex(lap);
                m.setTimestamp(dateTime(t.time[i]));
                m.setStartTime(dateTime(t.time[t.lapStarts[lap]]));
                m.setEvent(Event.LAP);
                m.setEventType(EventType.STOP);
                m.setTotalElapsedTime((float) l.seconds);
                m.setTotalTimerTime((float) l.seconds);
                m.setTotalDistance((float) l.distance);
                m.setTotalCalories(l.calories);
                m.setSport(Sport.CYCLING);
                m.setSubSport(SubSport.ROAD);
                if (l.hrCount > 0) {
                    m.setAvgHeartRate((short) Math.round(l.hrSum / l.hrCount));
                    m.setMaxHeartRate((short) Math.round(l.hrMax));
                }
                encoder.write(m);
                hrSum += l.hrSum;
                hrCount += l.hrCount;
                hrMax = Math.max(hrMax, l.hrMax);
                calories += l.calories;
                lap++;
            }
        }

        EventMesg stopEvent = new EventMesg();
        stopEvent.setTimestamp(end);
        stopEvent.setEvent(Event.TIMER);
        stopEvent.setEventType(EventType.STOP_ALL);
        encoder.write(stopEvent);

        float seconds = (t.time[t.size - 1] - t.time[0]) / 1000f;
        SessionMesg session = new SessionMesg();
        session.setMessageIndex(0);
        session.setTimestamp(end);
        session.setStartTime(start);
        session.setEvent(Event.SESSION);
        session.setEventType(EventType.STOP);
        session.setSport(Sport.CYCLING);
        session.setSubSport(SubSport.ROAD);
        session.setTotalElapsedTime(seconds);
        session.setTotalTimerTime(seconds);
        session.setTotalDistance((float) t.totalDistance());
        session.setTotalCalories(calories);
        session.setFirstLapIndex(0);
        session.setNumLaps(t.lapStarts.length);
        if (hrCount > 0) {
            session.setAvgHeartRate((short) Math.round(hrSum / hrCount));
            session.setMaxHeartRate((short) Math.round(hrMax));
        }
        encoder.write(session);

        ActivityMesg activity = new ActivityMesg();
        activity.setTimestamp(end);
        activity.setTotalTimerTime(seconds);
        activity.setNumSessions(1);
        activity.setType(Activity.MANUAL);
        activity.setEvent(Event.ACTIVITY);
        activity.setEventType(EventType.STOP);
        encoder.write(activity);
        return encoder.close();
    }

    private record LapTotals(long seconds, double distance, double maxSpeed, int calories, double hrSum, int hrCount,
            float hrMax) {
        static LapTotals of(SyntheticTrack t, int from, int to) {
            // a lap lasts until the next lap starts, so the laps add up to the whole activity
            int end = to < t.size ? to : t.size - 1;
            long seconds = (t.time[end] - t.time[from]) / 1000;
            double maxSpeed = 0;
            double hrSum = 0;
            int hrCount = 0;
            float hrMax = 0;
            for (int i = from; i < to; i++) {
                maxSpeed = Math.max(maxSpeed, t.speed[i]);
                if (!Float.isNaN(t.heartRate[i])) {
                    hrSum += t.heartRate[i];
                    hrCount++;
                    hrMax = Math.max(hrMax, t.heartRate[i]);
                }
            }
            return new LapTotals(seconds, t.distance[end] - t.distance[from], maxSpeed,
                    (int) Math.round(seconds * KCAL_PER_SECOND), hrSum, hrCount, hrMax);
        }
    }

    private static String iso(long millis) {
        String s = Instant.ofEpochMilli(millis).toString();
        return millis % 1000 == 0 ? s.substring(0, s.length() - 1) + ".000Z" : s;
    }

    private static String round1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static DateTime dateTime(long millis) {
        return new DateTime(new Date(millis));
    }

    private static int semicircles(double degrees) {
        return (int) Math.round(degrees * (2147483648.0 / 180.0));
    }
}
