// The privacy check moved to web/components so coordination requests share it; problems import it here.
export {
  PrivacyLiveHint,
  usePrivacyGuard,
  withoutPrivacyWarning,
} from '../../../components/PrivacyGuard.tsx';
