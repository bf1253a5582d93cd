// Every stage's model and schematic module, for the server's render and the tests; the browser loads each on its
// own (views.ts).
import './opamp';
import './triode';
import './pushpull';
import './follower';
import './opampSchematic';
import './triodeSchematic';
import './pushpullSchematic';
import './followerSchematic';
